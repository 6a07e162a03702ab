package dev.parley.adapter.in.web.plant;

/** Planted violation: the logging backend outside bootstrap (adapters log through SLF4J only). */
public class WebAdapterUsingLogback {
    public ch.qos.logback.classic.Logger logger;
}
