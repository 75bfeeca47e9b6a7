package dev.medius.bench;

import java.util.concurrent.Flow;

/** Hands each line of a streamed HTTP body (server-sent events) to a handler as it arrives. */
final class LineReader implements Flow.Subscriber<String> {

    @FunctionalInterface
    interface Handler {
        void line(String line) throws Exception;
    }

    private final Handler handler;

    LineReader(Handler handler) {
        this.handler = handler;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(String line) {
        try {
            handler.line(line);
        } catch (Exception e) {
            Bench.log("unreadable stream line " + line + ": " + e.getMessage());
        }
    }

    @Override
    public void onError(Throwable error) {
        // the stream is cancelled at the end of each run
    }

    @Override
    public void onComplete() {
        // nothing more to read
    }
}
