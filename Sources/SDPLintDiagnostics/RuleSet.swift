/// The rules of one module (``Rule/Code/prefix`` `SDP`, `ICE`, `OA`, …), declared as static
/// members of one type and listed once in ``all``; `sdplint rules` and the configuration read
/// the catalog that the rule sets make together.
public protocol RuleSet: SendableMetatype {
    /// What the rules check, for a catalog heading: "SDP syntax and cross-references (RFC 8866)".
    static var title: String { get }
    /// Every rule of the set, in code order.
    static var all: [Rule] { get }
}

extension RuleSet {
    /// The rule with this code, in this set.
    public static func rule(code: Rule.Code) -> Rule? { all.first { $0.code == code } }

    /// What is wrong with the set itself, for its tests: codes out of order or repeated, names
    /// repeated, a rule without a summary or an explanation.
    public static func validate() -> [String] {
        var problems: [String] = []
        var codes: Set<Rule.Code> = []
        var names: Set<String> = []
        for (index, rule) in all.enumerated() {
            if !codes.insert(rule.code).inserted { problems.append("\(rule.code) appears twice") }
            if !names.insert(rule.name).inserted { problems.append("the name \(rule.name) appears twice") }
            if index > 0, !(all[index - 1].code < rule.code) {
                problems.append("\(rule.code) comes after \(all[index - 1].code)")
            }
            if rule.summary.isEmpty || rule.explanation.isEmpty { problems.append("\(rule.code) is not explained") }
        }
        return problems
    }
}
