package dev.parley.application.plant;

/** Planted violation: a context reading another context's repository instead of asking its use cases. */
public class ContextReadingAnotherContextsRepository {
    public dev.parley.application.call.port.out.CallRepository calls;
}
