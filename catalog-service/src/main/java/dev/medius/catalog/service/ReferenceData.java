package dev.medius.catalog.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import dev.medius.catalog.domain.Condition;
import dev.medius.catalog.domain.Muscle;
import dev.medius.catalog.domain.Source;

/** Muscles, conditions and sources: the reference data exercises point to. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ReferenceData {

    public List<Muscle> muscles(String region) {
        return region == null || region.isBlank() ? Muscle.list("order by region, name")
                : Muscle.list("region = ?1 order by name", region);
    }

    public List<Condition> conditions() {
        return Condition.list("order by name");
    }

    public List<Source> sources() {
        return Source.list("order by key");
    }
}
