package dev.medius.catalog.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A publication the library's claims rest on. */
@Entity
@Table(name = "source")
public class Source extends PanacheEntityBase {

    @Id
    public String key;

    public String authors;

    @Column(nullable = false)
    public String title;

    public String journal;

    public Integer year;

    public String doi;

    public String url;
}
