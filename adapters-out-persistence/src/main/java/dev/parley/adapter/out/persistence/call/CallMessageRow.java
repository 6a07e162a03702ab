package dev.parley.adapter.out.persistence.call;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

@MappedEntity("call_messages")
record CallMessageRow(@Id long id,
                      long tenantId,
                      long callId,
                      String messageType,
                      String senderType,
                      String content,
                      double confidence,
                      boolean isFinal,
                      long startMs,
                      long endMs,
                      Instant createdAt) {
}
