/// Runs of digit groups joined by short separators ("4111 1111 1111 1111", "(555) 123-4567",
/// "123-45-6789", "192.168.0.1", "+44 20 7946 0958"), the raw material of the numeric
/// recognizers. A span starts and ends on a word boundary.
struct DigitGroup {
    var start: Int
    var end: Int
    var digits: [UInt8]
}

struct NumberSpan {
    var groups: [DigitGroup]
    /// `separators[k]` is the text between group k and k + 1.
    var separators: [String]
    /// A "+" right before the first group.
    var plus: Bool
    /// A "(" right before the first group.
    var openParen: Bool
    /// The digit count of each group, set when the span is complete.
    var groupLengths: [Int] = []

    /// Digits of groups `range`.
    func digits(_ range: ClosedRange<Int>) -> [UInt8] {
        var digits: [UInt8] = []
        digits.reserveCapacity(groups[range.upperBound].end - groups[range.lowerBound].start)
        for group in range { digits += groups[group].digits }
        return digits
    }

    /// Scalar range of groups `range`, including a leading "+" or "(" when it starts at 0.
    func extent(_ range: ClosedRange<Int>) -> Range<Int> {
        let start = groups[range.lowerBound].start - (range.lowerBound == 0 && (plus || openParen) ? 1 : 0)
        return start..<groups[range.upperBound].end
    }

    /// Separators between groups `range`: a view, no array per call.
    func separators(_ range: ClosedRange<Int>) -> ArraySlice<String> {
        separators[range.lowerBound..<range.upperBound]
    }

    /// Digit counts of groups `range`: a view of `groupLengths`, no array per call.
    func lengths(_ range: ClosedRange<Int>) -> ArraySlice<Int> {
        groupLengths[range]
    }

    /// The most digits any windowed recognizer reads (a 19-digit card).
    static let maxWindowDigits = 19

    /// Every window of consecutive groups holding at most `maxDigits` digits. Each group has a
    /// digit, so a start has at most `maxDigits` windows: linear in the span, where all windows
    /// would be quadratic ("1 1 1 …" of 20 kB took 48 s).
    func windows(maxDigits: Int = NumberSpan.maxWindowDigits) -> [ClosedRange<Int>] {
        var windows: [ClosedRange<Int>] = []
        windows.reserveCapacity(min(groups.count * (groups.count + 1) / 2, groups.count * 4))
        for first in groups.indices {
            var digits = 0
            for last in first..<groups.count {
                digits += groupLengths[last]
                guard digits <= maxDigits else { break }
                windows.append(first...last)
            }
        }
        return windows
    }

    /// Every window of exactly `count` consecutive groups.
    func windows(ofCount count: Int) -> [ClosedRange<Int>] {
        guard groups.count >= count else { return [] }
        return (0...(groups.count - count)).map { $0...($0 + count - 1) }
    }
}

enum NumberSpanScanner {
    /// What may join two digit groups, as the recognizers compare it (a no-break space as a
    /// space, Unicode hyphens and dashes as "-"); nil for anything else. A switch, not a set:
    /// this runs after every digit run.
    static func separatorScalar(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
        switch scalar {
        case " ", "-", ".", "/", ")", "(": scalar
        case "\u{00A0}": " "
        case "\u{2010}", "\u{2011}", "\u{2013}": "-"
        default: nil
        }
    }

    static func scan(_ text: ScannedText) -> [NumberSpan] {
        var spans: [NumberSpan] = []
        var index = 0
        while index < text.count {
            guard text.isDigit(index), !text.isWordCharacter(index - 1) else {
                index += 1
                continue
            }
            var span = NumberSpan(groups: [], separators: [], plus: text[index - 1] == "+", openParen: text[index - 1] == "(")
            span.groups.reserveCapacity(4)  // cards and phone numbers: one allocation, not three
            if (span.plus || span.openParen), text.isWordCharacter(index - 2) {
                span.plus = false
                span.openParen = false
            }
            var cursor = index
            while true {
                let start = cursor
                while text.isDigit(cursor) { cursor += 1 }
                let digits = text.scalars[start..<cursor].map { UInt8($0.value - 48) }
                span.groups.append(DigitGroup(start: start, end: cursor, digits: digits))
                // A separator of one or two scalars, then another digit, continues the span. Read
                // into a small string as it is scanned: no arrays.
                var separatorEnd = cursor
                var separator = ""
                while separatorEnd - cursor < 2, let scalar = text[separatorEnd], let mapped = separatorScalar(scalar) {
                    separator.unicodeScalars.append(mapped)
                    separatorEnd += 1
                }
                guard separatorEnd > cursor, text.isDigit(separatorEnd) else { break }
                if span.separators.isEmpty { span.separators.reserveCapacity(3) }
                span.separators.append(separator)
                cursor = separatorEnd
            }
            // The span must end on a boundary: no letter glued to its last digit.
            if text.isLetter(cursor) {
                guard span.groups.count > 1 else {
                    index = cursor + 1
                    continue
                }
                span.groups.removeLast()
                span.separators.removeLast()
            }
            span.groupLengths = span.groups.map { $0.digits.count }  // a closure: a key path is applied at run time
            spans.append(span)
            index = cursor + 1
        }
        return spans
    }
}

enum Checksums {
    static func luhn(_ digits: [UInt8]) -> Bool {
        guard digits.count >= 2 else { return false }
        var sum = 0
        for (offset, digit) in digits.reversed().enumerated() {
            var value = Int(digit)
            if offset % 2 == 1 {
                value *= 2
                if value > 9 { value -= 9 }
            }
            sum += value
        }
        return sum % 10 == 0
    }

    /// ABA routing number: 3·(d1+d4+d7) + 7·(d2+d5+d8) + (d3+d6+d9) ≡ 0 (mod 10), and a
    /// Federal Reserve prefix (00–12, 21–32, 61–72, 80).
    static func abaRouting(_ digits: [UInt8]) -> Bool {
        guard digits.count == 9 else { return false }
        let d = digits.map(Int.init)
        let sum = 3 * (d[0] + d[3] + d[6]) + 7 * (d[1] + d[4] + d[7]) + (d[2] + d[5] + d[8])
        guard sum % 10 == 0 else { return false }
        let prefix = d[0] * 10 + d[1]
        return (0...12).contains(prefix) || (21...32).contains(prefix) || (61...72).contains(prefix) || prefix == 80
    }

    /// US SSN structure: area not 000, 666 or 900–999; group not 00; serial not 0000.
    static func ssnStructure(_ digits: [UInt8]) -> Bool {
        guard digits.count == 9 else { return false }
        let area = Int(digits[0]) * 100 + Int(digits[1]) * 10 + Int(digits[2])
        let group = Int(digits[3]) * 10 + Int(digits[4])
        let serial = digits[5...].reduce(0) { $0 * 10 + Int($1) }
        guard area != 0, area != 666, area < 900, group != 0, serial != 0 else { return false }
        // Numbers that were published in advertising and never valid.
        let number = digits.reduce(0) { $0 * 10 + Int($1) }
        return number != 78_051_120 && number != 219_099_999
    }

    static func number(_ digits: ArraySlice<UInt8>) -> Int {
        digits.reduce(0) { $0 * 10 + Int($1) }
    }
}
