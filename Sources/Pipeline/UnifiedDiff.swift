/// Unified diffs (as `diff -u` prints them) between two texts, line by line, with 3 lines of context.
enum UnifiedDiff {
    /// - Parameters:
    ///   - old: the label and text of the current file.
    ///   - new: the label and text gen would write.
    static func make(from old: (label: String, text: String), to new: (label: String, text: String)) -> String {
        let a = lines(old.text)
        let b = lines(new.text)
        let edits = script(a, b)
        var output = "--- \(old.label)\n+++ \(new.label)\n"
        // Group edits into hunks separated by more than 6 unchanged lines.
        let changed = edits.indices.filter { edits[$0].kind != .same }
        var index = 0
        while index < changed.count {
            var end = index
            while end + 1 < changed.count, changed[end + 1] - changed[end] <= 7 { end += 1 }
            let start = max(0, changed[index] - 3)
            let stop = min(edits.count - 1, changed[end] + 3)
            let slice = edits[start...stop]
            // Each edit knows the 0-based index of the next old and new line at its position.
            let oldStart = slice.first!.oldLine
            let newStart = slice.first!.newLine
            let oldCount = slice.filter { $0.kind != .insert }.count
            let newCount = slice.filter { $0.kind != .delete }.count
            output += "@@ -\(oldCount == 0 ? oldStart : oldStart + 1),\(oldCount) +\(newCount == 0 ? newStart : newStart + 1),\(newCount) @@\n"
            for edit in slice {
                switch edit.kind {
                case .same: output += " " + edit.text + "\n"
                case .delete: output += "-" + edit.text + "\n"
                case .insert: output += "+" + edit.text + "\n"
                }
            }
            index = end + 1
        }
        return output
    }

    struct Edit {
        enum Kind { case same, delete, insert }
        var kind: Kind
        var text: String
        /// 0-based index of the old and new line at this edit (for an insert, the old line it
        /// comes before; for a delete, the new line it comes before).
        var oldLine: Int
        var newLine: Int
    }

    private static func lines(_ text: String) -> [String] {
        var result = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if result.last == "" { result.removeLast() }
        return result
    }

    /// An edit script by longest common subsequence after trimming the common prefix and suffix;
    /// a middle too large for the table is shown as a whole replacement rather than taking long.
    private static func script(_ a: [String], _ b: [String]) -> [Edit] {
        var prefix = 0
        while prefix < a.count, prefix < b.count, a[prefix] == b[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < a.count - prefix, suffix < b.count - prefix, a[a.count - 1 - suffix] == b[b.count - 1 - suffix] { suffix += 1 }
        let oldMiddle = Array(a[prefix..<(a.count - suffix)])
        let newMiddle = Array(b[prefix..<(b.count - suffix)])
        var edits: [Edit] = (0..<prefix).map { Edit(kind: .same, text: a[$0], oldLine: $0, newLine: $0) }
        var middle: [Edit] = []
        if oldMiddle.count * newMiddle.count <= 4_000_000 {
            let n = oldMiddle.count, m = newMiddle.count
            var table = [[Int]](repeating: [Int](repeating: 0, count: m + 1), count: n + 1)
            for i in stride(from: n - 1, through: 0, by: -1) {
                for j in stride(from: m - 1, through: 0, by: -1) {
                    table[i][j] = oldMiddle[i] == newMiddle[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
                }
            }
            var i = 0, j = 0
            while i < n || j < m {
                if i < n, j < m, oldMiddle[i] == newMiddle[j] {
                    middle.append(Edit(kind: .same, text: oldMiddle[i], oldLine: prefix + i, newLine: prefix + j))
                    i += 1
                    j += 1
                } else if i < n, j == m || table[i + 1][j] >= table[i][j + 1] {
                    // Deletions before insertions, as `diff -u` prints a changed line.
                    middle.append(Edit(kind: .delete, text: oldMiddle[i], oldLine: prefix + i, newLine: prefix + j))
                    i += 1
                } else {
                    middle.append(Edit(kind: .insert, text: newMiddle[j], oldLine: prefix + i, newLine: prefix + j))
                    j += 1
                }
            }
        } else {
            middle = oldMiddle.enumerated().map { Edit(kind: .delete, text: $1, oldLine: prefix + $0, newLine: prefix) }
                + newMiddle.enumerated().map { Edit(kind: .insert, text: $1, oldLine: prefix + oldMiddle.count, newLine: prefix + $0) }
        }
        edits += middle
        for k in 0..<suffix {
            edits.append(Edit(kind: .same, text: a[a.count - suffix + k], oldLine: a.count - suffix + k, newLine: b.count - suffix + k))
        }
        return edits
    }
}
