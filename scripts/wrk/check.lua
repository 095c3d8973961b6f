-- POST /v1/check with a 200-character message (a name, a card number and ordinary text),
-- checked with the full input policy.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"text":"Hi, my name is Dana Whitfield and my card 4111 1111 1111 1111 was charged twice at the grocery store yesterday. Can you check the second payment and refund it to my checking account please? Thank you.","direction":"input"}'
