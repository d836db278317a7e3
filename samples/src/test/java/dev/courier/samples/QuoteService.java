package dev.courier.samples;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.SubmissionPublisher;
import java.util.concurrent.ThreadPoolExecutor;

/**
 * "Production" code as a team already has it, typed to the JDK classes and knowing nothing of Courier:
 * requests are priced on a {@link ThreadPoolExecutor} in a {@link CompletableFuture} stage and the
 * quotes published to subscribers through a {@link SubmissionPublisher}. Its wiring (the pool's bounded
 * queue and rejection policy) comes from the caller, as it would from a configuration class.
 *
 * <p>Thread contract: any thread may call {@link #request} and {@link #requestOrReject}; pricing runs on
 * the pool, publishing on the pool thread that priced the request.
 */
public final class QuoteService {

    /** A request for a price. */
    public record QuoteRequest(long id, String symbol, int quantity) {
    }

    /** A price for one request, or its rejection (price null, reason set). */
    public record Quote(long requestId, String symbol, BigDecimal price, String reason) {
    }

    /** Where prices come from. */
    public interface PriceSource {
        BigDecimal unitPrice(String symbol);
    }

    private final ThreadPoolExecutor pricing;
    private final SubmissionPublisher<Quote> quotes;
    private final PriceSource prices;

    public QuoteService(ThreadPoolExecutor pricing, SubmissionPublisher<Quote> quotes, PriceSource prices) {
        this.pricing = Objects.requireNonNull(pricing, "pricing");
        this.quotes = Objects.requireNonNull(quotes, "quotes");
        this.prices = Objects.requireNonNull(prices, "prices");
    }

    /** Prices the request and publishes its quote; as shipped, a failed pricing is silently dropped. */
    public CompletableFuture<Void> request(QuoteRequest request) {
        return CompletableFuture.supplyAsync(() -> price(request), pricing).thenAccept(quotes::submit);
    }

    /** The fix: a request that cannot be priced is answered with a rejection instead of nothing. */
    public CompletableFuture<Void> requestOrReject(QuoteRequest request) {
        return CompletableFuture.supplyAsync(() -> price(request), pricing)
                .exceptionally(error -> new Quote(request.id(), request.symbol(), null, String.valueOf(error.getCause())))
                .thenAccept(quotes::submit);
    }

    private Quote price(QuoteRequest request) {
        if (request.quantity() <= 0) {
            throw new IllegalArgumentException("quantity must be positive, got " + request.quantity());
        }
        BigDecimal unit = prices.unitPrice(request.symbol());
        return new Quote(request.id(), request.symbol(), unit.multiply(BigDecimal.valueOf(request.quantity())), null);
    }
}
