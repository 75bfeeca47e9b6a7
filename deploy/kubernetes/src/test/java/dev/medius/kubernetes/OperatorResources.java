package dev.medius.kubernetes;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ResourceRequirements;

/**
 * Typed models of the CloudNativePG, KEDA and Prometheus Operator resources Medius declares, limited to the fields it
 * uses: a field the operator would not understand fails the parse instead of being ignored.
 */
final class OperatorResources {

    private OperatorResources() {
    }

    record SecretName(String name) {
    }

    record SecretKey(String name, String key) {
    }

    /** postgresql.cnpg.io/v1 Cluster */
    record Cluster(String apiVersion, String kind, ObjectMeta metadata, ClusterSpec spec) {
    }

    record ClusterSpec(Integer instances, String imageName, String primaryUpdateStrategy, Storage storage,
            PostgresConfiguration postgresql, Bootstrap bootstrap, Managed managed, Monitoring monitoring,
            ResourceRequirements resources, Backup backup) {
    }

    record Storage(String size, String storageClass) {
    }

    record PostgresConfiguration(Map<String, String> parameters) {
    }

    record Bootstrap(InitDb initdb) {
    }

    record InitDb(String database, String owner, SecretName secret) {
    }

    record Managed(List<Role> roles) {
    }

    record Role(String name, String ensure, Boolean login, SecretName passwordSecret) {
    }

    record Monitoring(Boolean enablePodMonitor) {
    }

    record Backup(String retentionPolicy, BarmanObjectStore barmanObjectStore) {
    }

    record BarmanObjectStore(String destinationPath, S3Credentials s3Credentials, Compression wal, Compression data) {
    }

    record S3Credentials(SecretKey accessKeyId, SecretKey secretAccessKey) {
    }

    record Compression(String compression) {
    }

    /** postgresql.cnpg.io/v1 Database */
    record Database(String apiVersion, String kind, ObjectMeta metadata, DatabaseSpec spec) {
    }

    record DatabaseSpec(String name, String owner, SecretName cluster) {
    }

    /** postgresql.cnpg.io/v1 ScheduledBackup */
    record ScheduledBackup(String apiVersion, String kind, ObjectMeta metadata, ScheduledBackupSpec spec) {
    }

    record ScheduledBackupSpec(String schedule, String backupOwnerReference, SecretName cluster) {
    }

    /** keda.sh/v1alpha1 ScaledObject */
    record ScaledObject(String apiVersion, String kind, ObjectMeta metadata, ScaledObjectSpec spec) {
    }

    record ScaledObjectSpec(SecretName scaleTargetRef, Integer minReplicaCount, Integer maxReplicaCount,
            Integer pollingInterval, Integer cooldownPeriod, List<Trigger> triggers) {
    }

    record Trigger(String type, Map<String, String> metadata, SecretName authenticationRef) {
    }

    /** keda.sh/v1alpha1 TriggerAuthentication */
    record TriggerAuthentication(String apiVersion, String kind, ObjectMeta metadata, TriggerAuthenticationSpec spec) {
    }

    record TriggerAuthenticationSpec(List<SecretTarget> secretTargetRef) {
    }

    record SecretTarget(String parameter, String name, String key) {
    }

    /** monitoring.coreos.com/v1 PrometheusRule */
    record PrometheusRule(String apiVersion, String kind, ObjectMeta metadata, PrometheusRuleSpec spec) {
    }

    record PrometheusRuleSpec(List<RuleGroup> groups) {
    }

    record RuleGroup(String name, String interval, List<Rule> rules) {
    }

    record Rule(String alert, String record, String expr, @JsonProperty("for") String pendingFor,
            Map<String, String> labels, Map<String, String> annotations) {
    }
}
