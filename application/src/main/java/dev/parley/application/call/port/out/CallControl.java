package dev.parley.application.call.port.out;

import dev.parley.domain.shared.PhoneNumber;

/** Places, redirects and hangs up calls at the carrier. Every method blocks on the network: never call it inside a transaction or on an event loop. */
public interface CallControl {
    /** Places a call; answers the carrier's call SID. */
    String dial(DialRequest request);

    /** Ends a call that is going on. */
    void hangUp(String carrierSid);

    /** Replaces what the call is doing (the media stream ends) with the given instructions. */
    void redirect(String carrierSid, CallInstructions instructions);

    /**
     * @param instructionsUrl  where the carrier fetches what to do once answered
     * @param statusCallbackUrl where the carrier reports every lifecycle event
     * @param recordingCallbackUrl where the carrier reports the recording
     */
    record DialRequest(PhoneNumber to, PhoneNumber from, String instructionsUrl, String statusCallbackUrl,
                       String recordingCallbackUrl) {
    }

    /** What a redirected call does next. */
    sealed interface CallInstructions {
        /** Says a short text, then hangs up. */
        record SayAndHangUp(String text) implements CallInstructions {
        }

        /** Says a short text, then connects the caller to a person's number. */
        record Transfer(String announcement, PhoneNumber to) implements CallInstructions {
        }
    }

    /** The carrier refused or could not be reached; {@link #retryable()} when unreachable, 5xx or 429. */
    class CallControlException extends RuntimeException {
        private final boolean retryable;

        public CallControlException(String message, Throwable cause) {
            this(message, cause, false);
        }

        public CallControlException(String message, Throwable cause, boolean retryable) {
            super(message, cause);
            this.retryable = retryable;
        }

        public boolean retryable() {
            return retryable;
        }
    }
}
