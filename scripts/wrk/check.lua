-- POST /v1/check with a 200-character message (a name, a card number and ordinary text),
-- checked with the full input policy.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"text":"Hi, my name is Dana Whitfield and my card 4111 1111 1111 1111 was charged twice at the grocery store yesterday. Can you check the second payment and refund it to my checking account please? Thank you.","direction":"input"}'

-- The tail in more detail than wrk's own 50/75/90/99 %: one line, read by
-- scripts/bench-guardrails.sh.
done = function(summary, latency, requests)
  io.write("percentiles:")
  for _, p in ipairs({50, 90, 99, 99.9}) do
    io.write(string.format(" p%s=%.2fms", p, latency:percentile(p) / 1000))
  end
  io.write(string.format(" max=%.2fms\n", latency.max / 1000))
end
