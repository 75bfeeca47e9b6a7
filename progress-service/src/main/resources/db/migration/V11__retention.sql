-- How long an organisation keeps raw session facts (docs/data-protection.md, "Retention"); an organisation
-- without a row keeps them for medius.retention.facts-days. Never under the longest view the dashboard gives
-- (52 weeks and the current one), so that nothing it shows is removed.
CREATE TABLE organisation_retention (
    tenant_id  VARCHAR(200) PRIMARY KEY,
    facts_days INTEGER      NOT NULL CHECK (facts_days BETWEEN 371 AND 3650),
    updated_by VARCHAR(200) NOT NULL,
    updated_at TIMESTAMPTZ  NOT NULL
);
