-- Balance and knowledge questions alternately, as one demo customer (TOKEN from the environment).
local token = os.getenv("TOKEN")
local bodies = {
  '{"message":"what is my balance?"}',
  '{"message":"how do I dispute a charge?"}',
  '{"message":"show my balances please"}',
  '{"message":"what are the fees for wires?"}',
}
local i = 0
request = function()
  i = i + 1
  return wrk.format("POST", "/v1/chat", { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. token }, bodies[(i % #bodies) + 1])
end
