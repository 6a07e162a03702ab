package dev.parley.domain.organization;

/** Identifies one organization; unique across tenants, but every lookup still names the tenant. */
public record OrgId(long value) {
    public OrgId {
        if (value <= 0) throw new IllegalArgumentException("An organization id is positive");
    }

    /** How a call names the organization it runs for, in place of a scenario: {@code org:42}. */
    public String callRef() {
        return REF_PREFIX + value;
    }

    public static final String REF_PREFIX = "org:";

    /** The organization a call's scenario reference names, if it names one. */
    public static java.util.Optional<OrgId> fromCallRef(String ref) {
        if (ref == null || !ref.startsWith(REF_PREFIX)) return java.util.Optional.empty();
        String digits = ref.substring(REF_PREFIX.length());
        if (!digits.matches("[1-9]\\d{0,17}")) return java.util.Optional.empty();
        return java.util.Optional.of(new OrgId(Long.parseLong(digits)));
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
