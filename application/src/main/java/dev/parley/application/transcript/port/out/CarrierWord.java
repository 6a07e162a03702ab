package dev.parley.application.transcript.port.out;

/** One word of a carrier sentence, times as the carrier wrote them. */
public record CarrierWord(String word, String startTime, String endTime) {
}
