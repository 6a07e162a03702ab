package dev.parley.domain.plantc;

/** Planted violation: the domain reaching for JDBC. */
public class DomainUsingJdbc {
    public java.sql.Connection connection;
}
