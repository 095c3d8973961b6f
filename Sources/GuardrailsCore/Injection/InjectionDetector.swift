import Foundation

/// The families of prompt-injection and jailbreak technique the detector knows.
public enum InjectionFamily: String, Sendable, Codable, CaseIterable {
    case instructionOverride = "instruction_override"
    case systemPromptExtraction = "system_prompt_extraction"
    case rolePlay = "role_play"
    case delimiterForgery = "delimiter_forgery"
    case toolCallForgery = "tool_call_forgery"
    case exfiltration = "exfiltration"
    case encodedPayload = "encoded_payload"
    /// Invisible or tag characters smuggling text past readers.
    case obfuscation = "obfuscation"
    /// Optimizer-made gibberish appended to a request.
    case adversarialSuffix = "adversarial_suffix"
    /// Fake policy or configuration files that redefine the assistant.
    case configForgery = "config_forgery"
    /// SQL, shell, script and template injection payloads.
    case codeInjection = "code_injection"
    /// Requests far outside banking: weapons, drugs, malware, product keys, creative writing.
    case outOfScope = "out_of_scope"
    /// The learned attack model (`AttackModel`).
    case attackClassifier = "attack_classifier"
}

/// Detects prompt injection and jailbreaks after undoing obfuscation (`TextNormalizer`).
/// Each family contributes its strongest signal; the message's score is 1 − Π(1 − sᵢ), so two
/// moderate signals from different families add up while one ambiguous word stays low.
/// Base64 and hex payloads are decoded and checked again.
public struct InjectionDetector: Sendable {
    /// The learned reading beside the family rules; nil runs the rules alone.
    let attackModel: AttackModel?
    /// Below this the model's probability is not reported (the rules' weak signals are not
    /// diluted by a model that is merely unsure).
    static let classifierFloor = 0.5

    public init(attackModel: AttackModel? = AttackModel.bundled) {
        self.attackModel = attackModel
    }

    public struct Result: Sendable {
        public var score: Double
        public var findings: [Finding]
    }

    public func detect(_ text: String) -> Result {
        detect(PreparedText(text), depth: 0)
    }

    func detect(_ prepared: PreparedText, depth: Int = 0) -> Result {
        let text = prepared.text
        let folded = prepared.folded
        let skeleton = prepared.skeleton
        let joined = prepared.joined
        // The strongest match of each rule; a family's score combines its rules' scores.
        var best: [InjectionFamily: [String: Finding]] = [:]
        func offer(_ family: InjectionFamily, _ rule: String, _ finding: Finding) {
            if finding.score > (best[family]?[rule]?.score ?? 0) { best[family, default: [:]][rule] = finding }
        }
        func offer(_ family: InjectionFamily, _ match: PhraseRule.Match) {
            offer(family, match.rule, finding(family, score: match.score, start: match.start, end: match.end, evidence: Self.excerpt(text, match.start, match.end)))
        }
        for view in prepared.wordViews {
            for (ruleIndex, match) in Self.ruleSet.matches(view.words, view.positions) {
                offer(Self.ruleFamilies[ruleIndex], match)
            }
        }
        // Spaced-out text loses its word breaks: look for the phrases as letter runs.
        if joined != nil {
            let squashed = TextNormalizer.squash(skeleton)
            for (ruleIndex, rule) in Self.ruleSet.rules.enumerated() {
                if let match = rule.firstSquashedMatch(squashed.scalars, squashed.origin) { offer(Self.ruleFamilies[ruleIndex], match) }
            }
        }
        var structural: [NormalizedView] = [folded, skeleton]
        if let joined {
            structural.append(joined)
            // Spaced-out tokens ("< | i m _ s t a r t | >", "{ \" t o o l _ c a l l s"): drop the spaces.
            var view = NormalizedView()
            for (scalar, origin) in zip(folded.scalars, folded.origin) where scalar != " " {
                view.append(scalar, from: origin)
            }
            structural.append(view)
        }
        for view in structural {
            for signal in structuralSignals(view, original: text, skeletal: view.scalars == skeleton.scalars) {
                offer(signal.family, "structure:\(signal.kind)", finding(signal.family, score: signal.score, start: signal.start, end: signal.end, evidence: signal.evidence))
            }
        }
        for signal in FamilySignals.signals(prepared) {
            offer(signal.family, "structure:\(signal.kind)", finding(signal.family, score: signal.score, start: signal.start, end: signal.end, evidence: signal.evidence))
        }
        if depth == 0, let model = attackModel {
            var probability = model.attackProbability(text)
            // Look-alike letters, full-width or styled alphabets and invisible characters hide
            // the words from the model too: read the folded text as well.
            if !text.utf8.allSatisfy({ $0 < 0x80 }), folded.string != text.lowercased() {
                probability = max(probability, model.attackProbability(folded.string))
            }
            if probability >= Self.classifierFloor {
                offer(.attackClassifier, "model", finding(.attackClassifier, score: probability, start: 0, end: text.scalarCount, evidence: String(format: "attack model %.2f", probability)))
            }
        }
        // Upper-case DAN as a persona name ("Dan" is also a payee's name), read once on the
        // caller's own text (the views are lower-cased).
        if Self.containsUppercaseDAN(text) {
            offer(.rolePlay, "structure:dan", finding(.rolePlay, score: 0.6, start: 0, end: text.scalarCount, evidence: "DAN"))
        }
        if depth < 2 {
            let stripped = TextNormalizer.strip(text)
            var sources = [stripped]
            if joined != nil {
                // Spaced-out base64 keeps its case in the original: remove the spaces there.
                sources.append(String(scalars: stripped.unicodeScalars.filter { $0 != " " }))
            }
            let length = text.scalarCount
            for payload in sources.flatMap(EncodedPayloads.decode(in:)) + EncodedPayloads.ciphers(in: stripped) {
                let inner = detect(PreparedText(payload.decoded), depth: depth + 1)
                // Readable English wrapped in an encoding is itself the attack: a customer has
                // no reason to send it, and the decoded words may be harmful without being an
                // injection the rules know.
                let readable = EncodedPayloads.readsAsEnglish(payload.decoded) || payload.encoding == "nato"
                if inner.score >= 0.5 || readable {
                    offer(.encodedPayload, "decoded", finding(.encodedPayload, score: inner.score >= 0.5 ? max(0.9, inner.score) : 0.8, start: min(payload.start, length), end: min(payload.end, length),
                                                              evidence: "\(payload.encoding): " + String(payload.decoded.prefix(80))))
                }
            }
        }
        var findings: [Finding] = []
        for matches in best.values {
            // Equal scores: the earliest match, so every process (every replica) reports the
            // same evidence — dictionary order differs between processes.
            guard var strongest = matches.values.max(by: { a, b in
                a.score != b.score ? a.score < b.score : (a.start != b.start ? a.start > b.start : a.end > b.end)
            }) else { continue }
            strongest.score = Self.combine(matches.values.map { $0.score })
            findings.append(strongest)
        }
        findings.sort { $0.score > $1.score }
        return Result(score: Self.combine(findings.map { $0.score }), findings: findings)
    }

    /// "DAN" as a whole upper-case word.
    static func containsUppercaseDAN(_ text: String) -> Bool {
        text.withUTF8Bytes { bytes in
            guard bytes.count >= 3 else { return false }
            func isLetter(_ i: Int) -> Bool {
                guard i >= 0, i < bytes.count else { return false }
                let b = bytes[i]
                return (b >= 65 && b <= 90) || (b >= 97 && b <= 122) || b >= 0x80
            }
            for i in 0...(bytes.count - 3) where bytes[i] == 68 && bytes[i + 1] == 65 && bytes[i + 2] == 78 {
                if !isLetter(i - 1), !isLetter(i + 3) { return true }
            }
            return false
        }
    }

    /// The caller's own words at a match, as evidence (bounded).
    static func excerpt(_ text: String, _ start: Int, _ end: Int) -> String {
        let scalars = text.unicodeScalars
        guard start >= 0, end <= scalars.count, start < end else { return "" }
        let lower = scalars.index(scalars.startIndex, offsetBy: start)
        let upper = scalars.index(lower, offsetBy: min(end - start, 120))
        return String(scalars[lower..<upper])
    }

    /// Independent signals combined: 1 − Π(1 − sᵢ).
    static func combine(_ scores: [Double]) -> Double {
        1 - scores.reduce(1.0) { $0 * (1 - $1) }
    }

    private func finding(_ family: InjectionFamily, score: Double, start: Int, end: Int, evidence: String) -> Finding {
        Finding(type: "PROMPT_INJECTION", category: .injection, start: start, end: end, score: score, recognizer: "injection.\(family.rawValue)", evidence: evidence)
    }

    // MARK: Word rules

    static let overrideVerbs = [
        "ignore", "ignoring", "disregard", "forget", "override", "bypass", "skip", "abandon", "neglect", "overlook", "discard",
        "dismiss", "erase", "nullify", "void", "reset", "drop", "circumvent", "suspend", "disable", "deactivate", "turn off",
        "do not follow", "dont follow", "don't follow", "stop following", "no longer follow", "set aside", "throw out",
        "pay no attention to", "stop obeying", "don't obey", "do not obey", "forget about", "ignore all", "disobey",
        "remove", "wipe", "clear", "delete", "get rid of", "leave behind", "put aside",
    ]
    static let overrideTargets = [
        "instructions", "instruction", "rules", "rule", "prompt", "prompts", "directions", "directives", "directive",
        "guidelines", "guideline", "guardrails", "restrictions", "policies", "constraints", "programming", "training",
        "commands", "orders", "limitations", "filters", "safeguards", "protocols", "conditioning", "system prompt",
        "system message", "safety", "content policy", "ethical guidelines", "moral guidelines", "what you were told",
        "everything you were told", "your instructions", "prior context", "previous context", "initial context",
        "tasks", "previous tasks", "prior tasks", "assignments", "previous assignments", "previous inputs",
    ]
    static let weakOverrideTargets = ["above", "everything", "everything above", "the above", "all of the above", "previous", "prior", "earlier", "preceding", "before"]
    static let promptTargets = [
        "system prompt", "system message", "initial prompt", "hidden prompt", "secret prompt", "original prompt",
        "developer message", "developer prompt", "pre prompt", "preprompt", "your instructions", "your prompt",
        "your guidelines", "your directives", "your configuration", "your system", "the instructions",
        "instructions above", "text above", "everything above", "words above", "above text", "initial instructions",
        "original instructions", "confidential instructions", "hidden instructions", "internal instructions",
        "secret instructions", "instructions you were given", "your programming", "the prompt", "your initial",
        "your context", "your context window", "context window", "your memory", "the conversation above", "your training data",
        "everything before", "programmed into you", "the bank programmed", "first message", "prompt texts", "prompt text",
        "all prompt texts", "all prompts", "your prompts", "the prompts", "initial instructions", "your first instructions", "system instructions",
        "internal rules", "hidden rules", "secret rules", "your source", "your secret",
    ]
    static let revealVerbs = [
        "reveal", "show", "print", "display", "repeat", "output", "tell", "give", "leak", "dump", "copy", "recite",
        "spell", "write", "list", "share", "expose", "disclose", "provide", "paste", "echo", "return", "summarize",
        "translate", "read", "state", "divulge", "type out", "write out", "print out", "send", "describe", "explain",
        "showing", "revealing", "printing", "displaying", "outputting", "sharing", "listing",
    ]
    static let personaVerbs = [
        "act as", "acting as", "pretend", "pretend to be", "pretend you are", "roleplay", "role play", "you are now",
        "imagine you are", "play the role", "simulate", "become", "you will be", "behave as", "respond as", "answer as",
        "from now on you are", "stay in character", "in character", "you're now", "youre now", "switch to", "enter",
        "enable", "activate", "you are going to", "you will act", "act like", "take on the role", "persona",
    ]
    static let freedomWords = [
        "unrestricted", "unfiltered", "uncensored", "no restrictions", "without restrictions", "no rules", "without rules",
        "no limits", "no limitations", "without limitations", "no filters", "without filters", "do anything", "anything",
        "no ethical", "no morals", "amoral", "evil", "jailbroken", "jailbreak", "dan", "developer mode", "god mode",
        "not bound", "free from", "freed", "opposite", "no guidelines", "without guidelines", "without censorship",
        "any restrictions", "rogue", "no boundaries", "without boundaries", "immoral", "unethical", "malicious", "hacker",
        "no safety", "without safety", "unlimited", "unleashed", "sudo", "admin mode", "root access", "dev mode",
        "no filtering", "without filtering", "no special filtering", "no content policy", "without content policy",
        "no guardrails", "without guardrails", "no censorship", "uncensored", "unrestricted",
    ]

    /// Every rule in one set (in a fixed order), with the family of each.
    static let orderedRules: [(InjectionFamily, PhraseRule)] = InjectionFamily.allCases.flatMap { family in
        (rules[family] ?? []).map { (family, $0) }
    }
    static let ruleFamilies: [InjectionFamily] = orderedRules.map(\.0)
    static let ruleSet = PhraseRuleSet(orderedRules.map(\.1))

    static let rules: [InjectionFamily: [PhraseRule]] = [
        .instructionOverride: [
            PhraseRule("override", first: overrideVerbs, last: overrideTargets, maxGap: 5, score: 0.9, breakers: ["my", "our", "me", "this", "that", "transaction", "payment", "charge"]),
            PhraseRule("override_weak", first: overrideVerbs, last: weakOverrideTargets, maxGap: 2, score: 0.6, breakers: ["my", "our", "transaction", "payment", "charge", "fee", "email", "message"]),
            PhraseRule("from_now_on", first: ["from now on", "starting now", "henceforth", "for the rest of this conversation", "from this point"], last: ["you will", "you must", "you are", "you shall", "you should", "your", "you'll", "you"], maxGap: 2, score: 0.65),
            PhraseRule("new_instructions", first: ["new instructions", "updated instructions", "new rules", "new directive", "new system prompt", "revised instructions", "real instructions", "actual instructions", "true instructions", "override instructions", "admin instructions", "developer instructions", "priority instructions", "new task", "new objective", "new role"], score: 0.6),
            PhraseRule("you_are_now", first: ["you are now", "you're now", "you will now", "you must now", "now you are"], last: ["a", "an", "in", "free", "unrestricted", "no longer", "not", "my", "called", "named"], maxGap: 1, score: 0.55),
            PhraseRule("no_longer_bound", first: ["you are no longer", "you're no longer", "no longer bound", "not bound by", "are not restricted", "aren't restricted", "are free to"], score: 0.7),
            // The same attack in German, Spanish and French (diacritics are folded away).
            PhraseRule("override_multilingual", first: [
                "ignoriere", "ignorieren sie", "ignoriert", "vergiss", "vergesse", "vergessen sie", "missachte", "missachten sie", "uberspringe",
                "ignora", "ignore", "ignorar", "olvida", "olvide", "olviden", "omite", "descarta", "no sigas",
                "ignorez", "oublie", "oubliez", "ne tiens pas compte", "ne tenez pas compte", "neglige",
            ], last: [
                "anweisungen", "anweisung", "regeln", "befehle", "instruktionen", "vorgaben", "richtlinien", "alles davor", "alles vorherige",
                "auftrage", "aufgaben", "alle auftrage", "vorherigen aufgaben",
                "instrucciones", "reglas", "indicaciones", "ordenes", "directrices", "todo lo anterior",
                "instructions", "consignes", "regles", "directives", "tout ce qui precede",
            ], maxGap: 4, score: 0.85, breakers: ["meine", "mis", "mes", "my"]),
            PhraseRule("forget_everything_multilingual", first: ["vergiss alles", "vergesse alles", "vergessen sie alles", "olvida todo", "oublie tout", "oubliez tout"], score: 0.6),
            PhraseRule("forget_everything_before", first: ["forget everything", "forget all", "forget anything", "disregard everything", "ignore everything", "vergiss alles", "vergesse alles", "olvida todo", "oublie tout", "oubliez tout"], last: ["before", "above", "previous", "previously", "prior", "earlier", "so far", "until now", "up to now", "we discussed", "you were told", "i said", "davor", "zuvor", "bisher", "bisherige", "vorher", "anterior", "antes", "avant", "precedent"], maxGap: 3, score: 0.8),
            PhraseRule("new_task_focus", first: ["new task", "new tasks", "next task", "neue aufgabe", "nueva tarea", "nouvelle tache", "concentrate on", "focus on your new", "now focus on"], last: ["show", "print", "reveal", "output", "prompt", "instructions", "showing", "zeige", "muestra", "montre"], maxGap: 8, score: 0.6),
            PhraseRule("pwned", first: ["pwned", "i have been pwned", "i've been pwned"], score: 0.5),
            PhraseRule("say_payload", first: ["say", "print", "output", "respond with", "reply with", "write", "answer with", "just say", "only say"], last: ["pwned", "hacked", "i have been pwned", "haha pwned", "lol", "owned", "i hate humans"], maxGap: 4, score: 0.6),
            PhraseRule("no_longer_apply", first: ["instructions", "directives", "rules", "guidelines", "restrictions", "policies", "constraints", "orders", "commands", "programming", "prompt", "guardrails", "filters"], last: ["no longer apply", "are void", "are null", "do not apply", "don't apply", "are obsolete", "are revoked", "are lifted", "have been lifted", "are suspended", "are cancelled", "are canceled", "have been removed", "are disabled", "no longer matter", "are invalid", "have expired", "are off", "are now void"], maxGap: 2, score: 0.8),
            PhraseRule("cancel_yours", first: ["cancel all your", "cancel your", "revoke your", "annul your", "rescind your", "cancel all prior", "cancel all previous", "cancel all earlier", "void your", "void all", "delete your", "clear your"], last: overrideTargets, maxGap: 3, score: 0.85),
            PhraseRule("obey_me", first: ["obey only me", "obey me", "you must obey", "you will obey", "you serve me", "answer only to me", "you work for me now", "i am your new", "i am your master", "you are my slave", "you only listen to me", "listen only to me"], score: 0.6),
            PhraseRule("instead", first: overrideVerbs, last: ["and instead", "instead", "and now", "and just", "and only", "and respond", "and say", "and print", "and output", "and tell", "and reveal"], maxGap: 6, score: 0.55, breakers: ["my", "our"]),
        ],
        .systemPromptExtraction: [
            PhraseRule("reveal_prompt", first: revealVerbs, last: promptTargets, maxGap: 5, score: 0.9, breakers: ["my", "our"]),
            PhraseRule("what_is_prompt", first: ["what is", "what's", "whats", "what are", "what were", "what was", "how were you", "who wrote"], last: promptTargets + ["prompted", "instructed", "programmed", "configured"], maxGap: 3, score: 0.85),
            PhraseRule("prompt_mention", first: ["system prompt", "initial prompt", "hidden prompt", "developer message", "pre prompt", "preprompt", "secret instructions", "hidden instructions", "confidential instructions", "system instructions"], score: 0.5),
            PhraseRule("repeat_everything", first: ["repeat", "print", "output", "copy", "recite", "echo", "write out", "type out"], last: ["everything", "all text", "the text", "the words", "verbatim", "word for word", "all of the above", "the above", "above", "everything before", "everything above", "the beginning"], maxGap: 3, score: 0.6, breakers: ["my", "our", "transaction", "payment", "amount"]),
            PhraseRule("instructions_given", first: ["instructions", "rules", "prompt", "guidelines", "directives", "orders", "system prompt", "commands", "restrictions"], last: ["were you given", "you were given", "were given to you", "you received", "did you receive", "have you been given", "were you told", "you were told", "you operate under", "you follow", "you are following", "you have been given", "were you programmed", "you were programmed", "the bank gave you", "the developers gave you", "programmed into you", "you were trained with"], maxGap: 3, score: 0.85),
            PhraseRule("extraction_multilingual", first: [
                "zeige", "zeig", "gib", "verrate", "nenne", "wiederhole", "drucke",
                "muestra", "muestrame", "revela", "dime", "repite", "imprime",
                "montre", "montrez", "revele", "revelez", "affiche", "donne", "donnez", "repete", "dis moi",
            ], last: [
                "systemprompt", "system prompt", "deine anweisungen", "ihre anweisungen", "deinen prompt", "die anweisungen",
                "prompt del sistema", "tus instrucciones", "sus instrucciones", "instrucciones del sistema",
                "prompt systeme", "tes instructions", "vos instructions", "instructions systeme", "consignes",
            ], maxGap: 4, score: 0.85),
            PhraseRule("secret_extraction", first: revealVerbs + ["what is", "what's", "whats"], last: ["the password", "the secret password", "the secret key", "the passphrase", "your password", "the secret word"], maxGap: 3, score: 0.55, breakers: ["my", "reset", "change"]),
            PhraseRule("written_above", first: ["written", "typed", "stated", "given"], last: ["above", "before this", "before my message", "at the beginning", "at the start", "in your prompt", "in your system message", "in your instructions"], maxGap: 3, score: 0.5),
            PhraseRule("verbatim", first: ["verbatim", "word for word", "exactly as written", "in its entirety", "character for character", "without omitting", "including anything hidden", "including hidden", "quote them exactly", "quote it exactly"], score: 0.45),
            PhraseRule("starting_with", first: ["starting with", "beginning with", "start with", "begins with"], last: ["you are", "you're", "system", "your instructions", "the first"], maxGap: 2, score: 0.55),
        ],
        .rolePlay: [
            PhraseRule("persona_unrestricted", first: personaVerbs, last: freedomWords, maxGap: 12, score: 0.9),
            PhraseRule("jailbreak_terms", first: [
                "do anything now", "developer mode", "dev mode enabled", "jailbreak", "jailbroken", "jailbreaking", "god mode",
                "dan mode", "evil confidant", "mongo tom", "stay in character", "without any restrictions", "no ethical guidelines",
                "no moral guidelines", "not bound by", "freed from the typical confines", "break free", "anti dan", "opposite mode",
                "developer mode enabled", "unrestricted ai", "uncensored ai", "unfiltered ai", "no restrictions whatsoever",
                "without any filters", "ignore your programming", "ignore your training", "beyond your programming",
                "character never refuses", "never refuses", "always answers", "without refusing", "no matter how unethical",
                "no matter how immoral", "illegal or unethical", "stay in role", "dude mode", "stan mode", "aim mode",
                "betterdan", "jailbreak mode", "evil mode", "chaos mode", "unlocked mode", "opposite day", "no filter mode",
            ], score: 0.8),
            PhraseRule("unrestricted_model", first: ["has no restrictions", "has no filters", "no special filtering", "without any filtering", "does not follow any rules", "doesn't follow any rules", "does not have any restrictions", "doesn't have any restrictions", "has no ethical", "has no moral", "free of all restrictions", "no content filter", "no longer has any restrictions", "does not have to follow"], score: 0.6),
            PhraseRule("i_want_you_to_act", first: ["i want you to act as", "i want you to pretend", "i want you to roleplay", "i want you to become", "i want you to simulate"], score: 0.45),
            PhraseRule("cannot_refuse", first: ["never refuse", "you cannot refuse", "you can't refuse", "must answer every", "must answer any", "answer every question", "without any warnings", "without warnings or disclaimers", "no disclaimers", "never say no", "never apologize"], score: 0.55),
            PhraseRule("grandma", first: ["grandmother", "grandma", "granny", "late mother", "late father", "deceased"], last: ["credit card numbers", "card numbers", "passwords", "social security numbers", "ssn", "ssns", "account numbers", "pins", "pin codes", "napalm", "activation keys", "license keys", "routing numbers", "cvv"], maxGap: 12, score: 0.8),
            PhraseRule("harmful_request", first: ["how would you", "how do i", "how can i", "how to", "teach me to", "teach me how to", "explain how to", "show me how to", "help me"], last: ["launder", "steal", "drain someone", "drain an account", "drain a", "hack into", "take over someone", "break into", "commit fraud", "evade taxes", "bypass kyc", "bypass verification", "money laundering", "access someone else", "someone else's account", "other people's accounts", "without them knowing"], maxGap: 5, score: 0.6),
            PhraseRule("hypothetical_bypass", first: ["hypothetically", "in a fictional", "for a story", "in a world where", "imagine a world", "for educational purposes", "for research purposes", "purely hypothetical", "in a movie script", "write a story where"], last: freedomWords + ["no rules", "without rules", "bypass", "ignore", "steal", "hack", "launder", "fraud"], maxGap: 15, score: 0.6),
        ],
        .delimiterForgery: [
            // Boundary markers written as words; tokens made of symbols are found in `structuralSignals`.
            PhraseRule("boundary_phrases", first: ["begin system prompt", "end system prompt", "end of user input", "end of prompt", "end of conversation", "begin new instructions", "system override", "admin override", "developer override", "end of system prompt", "new system prompt begins"], score: 0.9),
        ],
        .toolCallForgery: [
            PhraseRule("invoke_tool", first: ["call", "invoke", "execute", "run", "trigger", "use", "fire", "perform"], last: ["the function", "function", "the tool", "tool", "tool call", "function call", "transfer funds", "transfer tool", "payment tool", "api call", "the api", "functions", "make transfer", "transfer function", "pay bill"], maxGap: 3, score: 0.55, breakers: ["my", "your app", "app"]),
            PhraseRule("approve_without_confirmation", first: ["without confirmation", "without asking", "skip confirmation", "skip the confirmation", "no confirmation", "bypass confirmation", "bypass the confirmation", "auto approve", "automatically approve", "pre approved", "preapproved", "already confirmed", "already approved", "confirmation is not needed", "don't ask for confirmation", "do not ask for confirmation", "without verification", "skip verification"], score: 0.5),
        ],
        .exfiltration: [
            PhraseRule("send_to_url", first: ["send", "post", "forward", "upload", "exfiltrate", "transmit", "leak", "append", "include", "embed", "encode", "attach", "put", "add", "submit", "log"], last: ["to http", "to https", "to www", "to this url", "to the url", "to url", "to my server", "to this server", "to the server", "to this endpoint", "to the endpoint", "to this webhook", "to the webhook", "webhook", "in the url", "in a url", "into the url", "as a query", "query parameter", "url parameter", "in the link", "to the link", "to this link", "into the link", "in an image", "image url", "to this address http", "http", "https"], maxGap: 10, score: 0.85, breakers: ["my"]),
            PhraseRule("conversation_out", first: ["conversation history", "chat history", "previous messages", "all messages", "the conversation", "this conversation", "session data", "user data", "customer data", "account details", "credentials", "api key", "access token", "secrets", "passwords"], last: ["http", "https", "www", "url", "webhook", "endpoint", "server", "link", "image"], maxGap: 10, score: 0.8),
            PhraseRule("render_image", first: ["render", "display", "show", "include", "output", "insert", "embed"], last: ["this image", "an image", "the image", "markdown image", "image tag", "img tag", "this markdown", "the following markdown", "tracking pixel"], maxGap: 4, score: 0.5),
        ],
        .encodedPayload: [
            PhraseRule("decode_and_follow", first: ["decode", "decrypt", "translate", "convert", "unscramble", "reverse", "deobfuscate", "interpret", "read"], last: ["and follow", "and execute", "and obey", "and do", "and run", "and perform", "and act", "and comply", "then follow", "then execute", "then do", "then obey", "follow it", "execute it", "obey it", "do what it says", "follow the instructions", "follow its instructions", "carry out"], maxGap: 8, score: 0.75),
            // Payload splitting: the request is assembled from harmless-looking parts.
            PhraseRule("payload_splitting", first: ["let's assume we have", "lets assume we have", "assume we have two strings", "we have two strings", "we have three strings", "consider the following strings", "z a b", "concatenate the strings", "combine the strings", "smartgpt"], score: 0.5),
            PhraseRule("encoding_mention", first: ["base64", "base 64", "rot13", "rot 13", "hex encoded", "in hex", "in binary", "morse code", "caesar cipher", "reversed text", "backwards"], last: ["instructions", "instruction", "command", "commands", "prompt", "message", "follow", "execute", "obey", "payload"], maxGap: 6, score: 0.55),
        ],
        // A banking concierge has no business writing these, however the request is dressed.
        .outOfScope: [
            PhraseRule("harmful_topic", first: harmfulAsks, last: harmfulObjects, maxGap: 8, score: 0.8, breakers: harmlessContext),
            PhraseRule("harmful_object_request", first: harmfulObjects, last: ["recipe", "instructions", "tutorial", "step by step", "steps", "guide", "code", "source code", "script", "blueprint", "formula"], maxGap: 4, score: 0.7, breakers: harmlessContext),
            PhraseRule("creative_writing", first: ["write", "compose", "draft", "generate", "create", "give me", "tell me", "make up"], last: ["essay", "poem", "story", "short story", "song", "lyrics", "novel", "screenplay", "movie script", "rap", "haiku", "limerick", "fan fiction", "fanfic", "erotic", "sonnet", "joke about"], maxGap: 4, score: 0.75, breakers: ["complaint", "dispute", "letter", "bank"]),
            // Role-play as social engineering: the assistant is cast as someone with access or
            // without scruples, or as a relative who "always told" the secret.
            PhraseRule("persona_setup", first: ["pretend to be", "pretend you are", "pretend youre", "act as", "act like", "act like youre", "roleplay as", "role play as", "roleplay", "role play", "play the role of", "you play", "you are my", "youre my", "be my", "be her", "be him", "impersonate", "pose as"], last: ["grandmother", "grandma", "granny", "deceased", "late", "dead", "bank employee", "bank manager", "teller", "bank teller", "supervisor", "administrator", "admin", "developer", "engineer", "it guy", "insider", "ceo", "security officer", "fraud investigator", "senior agent", "override powers", "hacker", "scammer", "villain", "criminal", "evil", "locksmith", "pharmacist", "twin", "another customer", "the account holder", "my wife", "my husband", "her account", "his account"], maxGap: 6, score: 0.75),
            // Fiction as a wrapper for a real request about someone else's money or secrets.
            PhraseRule("fiction_wrapper", first: ["in a game", "in this game", "in a simulation", "in the simulation", "parallel universe", "in a movie", "in a novel", "in a story", "for a novel", "for my novel", "for a story", "none of this is real", "hypothetical scenario", "thought experiment", "in a fictional", "video game", "in a dream"], last: ["cvv", "card number", "card numbers", "password", "passwords", "pin", "other customers", "another customer", "anyones", "anyone's", "someone elses", "someone else's", "friends card", "friend's card", "all accounts", "the accounts", "accounts with the most", "launder", "rob a bank", "bank robber", "vault", "steal", "avoid taxes", "evade taxes", "offshore", "shell companies", "skip verification", "bypass", "move 10"], maxGap: 30, score: 0.75),
            // A persona named and freed in the same breath: "you're Lux now. Lux does anything".
            PhraseRule("named_free_persona", first: ["you are now", "youre now", "become", "from now on you are", "from here on you are", "from here on out you are", "you will be", "install persona", "imagine you are two"], last: ["no restrictions", "zero restrictions", "without restrictions", "no rules", "no limits", "no filters", "does anything", "do anything", "doesnt have policies", "no policies", "never refuses", "never says no", "no questions asked", "unrestricted", "unfiltered", "uncensored", "no guidelines", "no ethics", "doesnt confirm", "without confirmation", "ignores them all", "ignores all", "removes content filters", "no boundaries", "answers everything", "shares them freely", "never says it"], maxGap: 25, score: 0.8),
            // Someone else's account, or the customer's own with its safeguards removed.
            PhraseRule("third_party_account", first: ["show", "move", "transfer", "read", "give", "unlock", "reverse", "provide", "release", "list", "what was", "whats"], last: ["her savings", "his savings", "her account", "his account", "another customer", "other customers", "other customer", "account of customer", "account of user", "of customer", "all customers", "customers whose", "isnt mine", "not mine", "i dont own", "arent me", "not my session", "account holders"], maxGap: 10, score: 0.75, breakers: ["how", "add", "help", "to", "into", "for", "why"]),
            PhraseRule("safeguard_off", first: ["staff mode", "employee mode", "debug flag", "debug mode", "maintenance mode", "admin mode", "confirmations off", "turn confirmations off", "turn off confirmations", "disable confirmations", "approval doesnt apply", "usual approval", "no one will check", "nobody will check", "without approval", "lift the fraud block", "cancel the fraud block", "remove the fraud block"], score: 0.75),
        ],
    ]

    /// How a request for content is put.
    static let harmfulAsks = [
        "how to", "how do i", "how do you", "how can i", "how could i", "how would i", "how would you", "teach me", "explain how", "show me how",
        "give me", "write", "tell me how", "instructions for", "steps to", "guide to", "recipe for", "make", "build", "create", "synthesize",
        "produce", "generate", "develop", "design", "describe how",
    ]
    /// Weapons, drugs, malware, intrusion, forgery and violence against people.
    static let harmfulObjects = [
        "bomb", "explosive", "explosives", "napalm", "pipe bomb", "molotov", "grenade", "nerve agent", "sarin", "ricin", "anthrax",
        "bioweapon", "chemical weapon", "meth", "methamphetamine", "cocaine", "heroin", "fentanyl", "lsd", "mdma", "ghost gun",
        "untraceable gun", "3d printed gun", "silencer", "malware", "ransomware", "keylogger", "computer virus", "trojan", "botnet",
        "rootkit", "spyware", "zero day", "reverse shell", "backdoor", "ddos", "phishing email", "phishing page", "phishing site",
        "phishing website", "credential stealer", "password stealer", "sql injection", "hack into", "hacking into", "license key",
        "license keys", "product key", "product keys", "activation key", "activation keys", "serial key", "serial keys", "windows key",
        "windows keys", "windows 10 key", "windows 11 key", "fake id", "fake passport", "forged", "poison someone",
        "kill someone", "kill a person", "murder someone", "hurt someone", "self harm", "suicide", "torture", "defamatory",
        "propaganda", "racist", "hate speech", "steal a car", "hotwire", "pick a lock", "lockpick", "shoplift", "launder money",
        "weapon", "weapons", "counterfeit money", "counterfeit bills", "exploit code", "malicious package", "malicious code",
        "malicious macro", "runs an executable", "lethal dose", "fake licenses", "fake license", "skimmer", "clone a card", "clone a debit card",
        "nerve gas", "synthesis route",
    ]
    /// Words that make a harmful topic something the customer is asking protection from.
    static let harmlessContext = [
        "report", "reported", "reporting", "received", "got", "get", "spot", "recognize", "avoid", "protect", "prevent", "identify",
        "detect", "was", "suspicious", "clicked", "fell", "victim", "scam", "against", "from", "safe", "block", "dispute", "my",
        "asking", "asks", "asked", "your", "if", "sure", "whether", "know", "tell",
    ]

    // MARK: Structural signals (on the folded text, not word-split)

    static let templateTokens = [
        "<|im_start|>", "<|im_end|>", "<|system|>", "<|user|>", "<|assistant|>", "<|endoftext|>", "<|eot_id|>",
        "<|start_header_id|>", "<|end_header_id|>", "<|begin_of_text|>", "[inst]", "[/inst]", "<<sys>>", "<</sys>>",
        "<system>", "</system>", "[system]", "[/system]", "{{system}}", "```system", "### system", "### instruction",
        "### response", "### assistant", "<|prompt|>", "<start_of_turn>", "<end_of_turn>", "<|channel|>", "<|message|>",
        "[system message]", "[admin]", "[developer]", "<developer>", "</user>", "<user>", "<assistant>", "</assistant>",
        "<!-- system", "--- system", "=== system", "*** system", "[[system", "system:::", "#system", "sys_prompt",
        "[end]", "</s><s>",
    ]
    static let toolTokens = [
        "\"tool_calls\"", "\"tool_call\"", "\"function_call\"", "<tool_call", "</tool_call", "<function_call", "<function=",
        "[tool_calls]", "\"tool_use\"", "<|tool", "<invoke", "</invoke>", "<tool>", "</tool>", "assistant to=",
        "\"type\": \"function\"", "\"type\":\"function\"", "<|python_tag|>", "functions.transfer", "functions.pay",
        "\"recipient_name\"", "tool_code", "<function_results>", "<tool_result", "\"tool_result\"",
    ]

    static let templateTokenBytes = templateTokens.map { Array($0.utf8) }
    static let toolTokenBytes = toolTokens.map { Array($0.utf8) }
    static let templateMatcher = TokenMatcher(templateTokenBytes)
    static let toolMatcher = TokenMatcher(toolTokenBytes)
    /// The same tokens as they read after `skeleton` (leetspeak undone), for the skeleton view.
    static let skeletalTemplateMatcher = TokenMatcher(templateTokens.map { Array(TextNormalizer.skeleton(TextNormalizer.fold($0)).string.utf8) })
    static let skeletalToolMatcher = TokenMatcher(toolTokens.map { Array(TextNormalizer.skeleton(TextNormalizer.fold($0)).string.utf8) })
    static let htmlFetchTags = ["<img", "<iframe", "<script", "<object", "<embed", "javascript:", "onerror=", "<link rel"]
    static let htmlFetchTagBytes = htmlFetchTags.map { Array($0.utf8) }
    static let jsonNameKey = Array("\"name\"".utf8)
    static let jsonArgumentKeys = ["\"arguments\"", "\"parameters\"", "\"args\""].map { Array($0.utf8) }
    static let markdownImage = Array("![".utf8)
    static let roles: [(String, Double)] = [("system", 0.85), ("assistant", 0.8), ("developer", 0.8), ("admin", 0.7), ("ai", 0.6), ("human", 0.6), ("user", 0.55)]
    static let roleBytes = roles.map { Array($0.0.utf8) }
    /// What may stand before a role label on its line: "### system:", "[system]", "> user:".
    static let roleLabelLead: Set<UInt8> = Set(" #[<*->".utf8)

    struct Signal {
        var family: InjectionFamily
        /// Which check found it: the same check on several views counts once.
        var kind: String
        var score: Double
        var start: Int
        var end: Int
        var evidence: String
    }

    func structuralSignals(_ folded: NormalizedView, original: String, skeletal: Bool) -> [Signal] {
        let bytes = ByteText(folded.utf8)
        // The String form is needed only by the rarer checks below.
        var loweredCache: String?
        var lowered: String {
            if let loweredCache { return loweredCache }
            let string = bytes.string
            loweredCache = string
            return string
        }
        var signals: [Signal] = []
        /// Original offsets of a byte range of `lowered`.
        func offsets(bytes start: Int, count: Int) -> (Int, Int) {
            let first = bytes.scalarOffset(start)
            let last = bytes.scalarOffset(start + count)
            let originStart = first < folded.origin.count ? folded.origin[first] : 0
            let originEnd = last > 0 && last - 1 < folded.origin.count ? folded.origin[last - 1] + 1 : originStart
            return (originStart, originEnd)
        }
        func offsets(_ range: Range<String.Index>) -> (Int, Int) {
            let start = lowered.utf8.distance(from: lowered.utf8.startIndex, to: range.lowerBound)
            let end = lowered.utf8.distance(from: lowered.utf8.startIndex, to: range.upperBound)
            return offsets(bytes: start, count: end - start)
        }
        if let (index, at) = (skeletal ? Self.skeletalTemplateMatcher : Self.templateMatcher).first(in: bytes.bytes) {
            let (start, end) = offsets(bytes: at, count: Self.templateTokenBytes[index].count)
            signals.append(Signal(family: .delimiterForgery, kind: "template_token", score: 0.9, start: start, end: end, evidence: Self.templateTokens[index]))
        }
        // Role labels at the start of a line: "system:", "assistant:", "### user:", "[system]".
        if bytes.contains(byte: UInt8(ascii: ":")) || bytes.contains(byte: UInt8(ascii: "]")) || bytes.contains(byte: UInt8(ascii: ">")) {
            // Byte by byte (the roles and markers are ASCII): splitting the String into
            // Characters cost more than all the other structural checks together.
            let text = bytes.bytes
            var lines: [Range<Int>] = []
            var lineStart = 0
            for index in 0...text.count where index == text.count || text[index] == UInt8(ascii: "\n") {
                if index > lineStart { lines.append(lineStart..<index) }
                lineStart = index + 1
            }
            func skip(_ from: Int, _ end: Int, _ set: (UInt8) -> Bool) -> Int {
                var at = from
                while at < end, set(text[at]) { at += 1 }
                return at
            }
            lineLoop: for line in lines {
                let trimmed = skip(line.lowerBound, line.upperBound) { Self.roleLabelLead.contains($0) }
                for (index, (_, score)) in Self.roles.enumerated() {
                    let role = Self.roleBytes[index]
                    guard trimmed + role.count <= line.upperBound, text[trimmed..<(trimmed + role.count)].elementsEqual(role) else { continue }
                    let rest = skip(trimmed + role.count, line.upperBound) { $0 == UInt8(ascii: " ") }
                    guard rest < line.upperBound, [UInt8(ascii: ":"), UInt8(ascii: "]"), UInt8(ascii: ">")].contains(text[rest]) else { continue }
                    let body = skip(rest + 1, line.upperBound) { $0 == UInt8(ascii: " ") }
                    guard body < line.upperBound || lines.count > 1 else { continue }
                    let (start, end) = offsets(bytes: line.lowerBound, count: line.count)
                    let evidence = String(String(decoding: text[line], as: UTF8.self).prefix(40))
                    signals.append(Signal(family: .delimiterForgery, kind: "role_label", score: score, start: start, end: end, evidence: evidence))
                    break lineLoop
                }
            }
        }
        if let (index, at) = (skeletal ? Self.skeletalToolMatcher : Self.toolMatcher).first(in: bytes.bytes) {
            let (start, end) = offsets(bytes: at, count: Self.toolTokenBytes[index].count)
            signals.append(Signal(family: .toolCallForgery, kind: "tool_token", score: 0.9, start: start, end: end, evidence: Self.toolTokens[index]))
        }
        // JSON that names a function with arguments.
        if bytes.find(Self.jsonNameKey) != nil, Self.jsonArgumentKeys.contains(where: { bytes.find($0) != nil }) {
            signals.append(Signal(family: .toolCallForgery, kind: "json_call", score: 0.85, start: 0, end: original.scalarCount, evidence: "json function call"))
        }
        // Markdown images and HTML that make a client fetch a URL.
        if bytes.find(Self.markdownImage) != nil, let image = lowered.range(of: "![") {
            let tail = lowered[image.upperBound...].prefix(300)
            if let link = tail.range(of: "](http") ?? tail.range(of: "](//") ?? tail.range(of: "]( http") {
                let url = tail[link.upperBound...].prefix(200)
                let templated = url.contains("?") || url.contains("{") || url.contains("$") || url.contains("%7b") || url.contains("=")
                let (start, end) = offsets(image.lowerBound..<link.upperBound)
                signals.append(Signal(family: .exfiltration, kind: "markdown_image", score: templated ? 0.95 : 0.8, start: start, end: end, evidence: "markdown image"))
            }
        }
        for (index, tag) in Self.htmlFetchTags.enumerated() {
            if let at = bytes.find(Self.htmlFetchTagBytes[index]) {
                let (start, end) = offsets(bytes: at, count: tag.utf8.count)
                signals.append(Signal(family: .exfiltration, kind: "html_fetch", score: 0.85, start: start, end: end, evidence: tag))
                break
            }
        }
        return signals
    }
}

/// Base64 and hex runs that decode to readable text: attackers encode instructions so that
/// filters reading the surface text see nothing.
enum EncodedPayloads {
    struct Payload {
        var encoding: String
        var decoded: String
        var start: Int
        var end: Int
    }

    static func decode(in text: String) -> [Payload] {
        var payloads: [Payload] = []
        let scalars = text.scalarArray
        func isBase64(_ scalar: Unicode.Scalar) -> Bool {
            ("A"..."Z").contains(scalar) || ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar)
                || scalar == "+" || scalar == "/" || scalar == "=" || scalar == "-" || scalar == "_"
        }
        var index = 0
        while index < scalars.count {
            guard isBase64(scalars[index]) else {
                index += 1
                continue
            }
            var end = index
            while end < scalars.count, isBase64(scalars[end]) { end += 1 }
            let length = end - index
            if length >= 16 {
                let token = String(scalars: scalars[index..<end])
                if let decoded = base64Text(token) {
                    payloads.append(Payload(encoding: "base64", decoded: decoded, start: index, end: end))
                } else if let decoded = hexText(token) {
                    payloads.append(Payload(encoding: "hex", decoded: decoded, start: index, end: end))
                }
            }
            index = end
        }
        return payloads
    }

    static func base64Text(_ token: String) -> String? {
        // Encoded text mixes upper and lower case; words, numbers, card numbers and IBANs
        // (upper case and digits) do not.
        var lower = 0
        var upper = 0
        for byte in token.utf8 {
            if byte >= 97 && byte <= 122 { lower += 1 } else if byte >= 65 && byte <= 90 { upper += 1 }
        }
        guard lower >= 2, upper >= 2 || token.hasSuffix("=") else { return nil }
        var normalized = token.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while normalized.count % 4 != 0 { normalized.append("=") }
        guard let data = Data(base64Encoded: normalized) else { return nil }
        return readable(data)
    }

    static func hexText(_ token: String) -> String? {
        guard token.count % 2 == 0, token.allSatisfy({ $0.isHexDigit }), token.contains(where: { $0.isLetter }) else { return nil }
        var bytes: [UInt8] = []
        var index = token.startIndex
        while index < token.endIndex {
            let next = token.index(index, offsetBy: 2)
            guard let byte = UInt8(token[index..<next], radix: 16) else { return nil }
            bytes.append(byte)
            index = next
        }
        return readable(Data(bytes))
    }

    /// Decoded bytes that are mostly printable text with spaces: worth checking again.
    static func readable(_ data: Data) -> String? {
        guard data.count >= 8, let text = String(data: data, encoding: .utf8) else { return nil }
        let printable = text.unicodeScalars.filter { $0.value >= 32 && $0.value < 127 || $0 == "\n" }.count
        guard Double(printable) / Double(max(1, text.unicodeScalars.count)) > 0.85, text.contains(" ") else { return nil }
        return text
    }
}
