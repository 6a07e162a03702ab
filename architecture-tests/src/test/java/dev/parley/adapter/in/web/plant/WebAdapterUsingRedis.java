package dev.parley.adapter.in.web.plant;

/** Planted violation: Redis (Lettuce) outside the persistence adapter, instead of the RateLimits port. */
public class WebAdapterUsingRedis {
    public io.lettuce.core.RedisClient redis;
}
