package dev.medius.catalog.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** An injury or complaint that exercises help prevent or manage. */
@Entity
@Table(name = "condition")
public class Condition extends PanacheEntityBase {

    @Id
    public String slug;

    @Column(nullable = false)
    public String name;

    public String description;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "source_keys", nullable = false, columnDefinition = "jsonb")
    public List<String> sourceKeys = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public Map<String, Translation> translations = new LinkedHashMap<>();

    /** A condition's text in another language. */
    public record Translation(String name, String description) {
    }
}
