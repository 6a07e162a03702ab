package dev.parley.adapter.in.web.plant;

/** Planted violation: an adapter holding a use case's implementation instead of its port. */
public class WebAdapterUsingAService {
    public dev.parley.application.conversation.service.LiveCalls calls;
}
