import Diagnostics

/// Turns byte offsets into 1-based `line:column`, counting columns in Unicode scalars as libyaml does.
///
/// Offsets are usually asked for in increasing order (each node starts after the previous one), so
/// the counter remembers where it stopped and scans only the bytes since then: a whole parse costs
/// O(n) even on a one-line 8 MB minified file. An earlier offset restarts from the top.
struct PositionCounter {
    private let bytes: UnsafeBufferPointer<UInt8>
    private let file: SourceFile
    /// Where counting starts: after a UTF-8 byte order mark, which takes no column.
    private let origin: Int
    private var offset: Int
    private var line = 1
    private var column = 1

    init(bytes: UnsafeBufferPointer<UInt8>, file: SourceFile) {
        self.bytes = bytes
        self.file = file
        let hasBOM = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
        origin = hasBOM ? 3 : 0
        offset = origin
    }

    /// The location of the byte at `target` (clamped to the input).
    mutating func location(at target: Int) -> SourceLocation {
        let target = min(max(target, origin), bytes.count)
        if target < offset {
            offset = origin
            line = 1
            column = 1
        }
        guard let base = bytes.baseAddress else { return SourceLocation(sourceFile: file, line: 1, column: 1) }
        var index = offset
        var line = self.line
        var column = self.column
        while index < target {
            let byte = base[index]
            if byte == 0x0A {
                line += 1
                column = 1
            } else if byte == 0x0D {
                // CR LF is one break (counted at the LF); a lone CR is a break of its own.
                if index + 1 >= bytes.count || base[index + 1] != 0x0A {
                    line += 1
                    column = 1
                }
            } else if byte & 0xC0 != 0x80 {
                // Continuation bytes belong to the scalar already counted.
                column += 1
            }
            index += 1
        }
        offset = index
        self.line = line
        self.column = column
        return SourceLocation(sourceFile: file, line: line, column: column)
    }
}
