package dev.medius.catalog.domain;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** The checksum of the shipped content file last loaded into this database. */
@Entity
@Table(name = "content_load")
public class ContentLoad extends PanacheEntityBase {

    @Id
    public String name;

    @Column(nullable = false)
    public String checksum;

    @Column(name = "loaded_at", nullable = false)
    public OffsetDateTime loadedAt;
}
