package dev.parley.application.plant;

/** Planted violation: a use case that is a class, outside port.in. */
public class MisplacedUseCase {
}
