// yaml-parse FILE: a bare libyaml event parse of FILE (a yaml_parser_parse loop, no tree),
// the lower bound any YAML-reading generator pays. Prints the event count; exit 1 on a parse error.
import CYAMLBench

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

func fail(_ message: String, status: Int32) -> Never {
    var line = "yaml-parse: " + message + "\n"
    line.withUTF8 { _ = write(2, $0.baseAddress, $0.count) }
    exit(status)
}

let arguments = CommandLine.arguments
guard arguments.count == 2 else {
    fail("usage: yaml-parse FILE", status: 2)
}
guard let file = fopen(arguments[1], "rb") else {
    fail("cannot open \(arguments[1])", status: 2)
}
var parser = yaml_parser_t()
guard yaml_parser_initialize(&parser) == 1 else {
    fail("cannot initialize libyaml", status: 2)
}
yaml_parser_set_input_file(&parser, file)
var event = yaml_event_t()
var events = 0
while true {
    guard yaml_parser_parse(&parser, &event) == 1 else {
        let problem = parser.problem.map { String(cString: $0) } ?? "unknown error"
        fail("\(arguments[1]):\(parser.problem_mark.line + 1): \(problem)", status: 1)
    }
    let done = event.type == YAML_STREAM_END_EVENT
    yaml_event_delete(&event)
    events += 1
    if done { break }
}
yaml_parser_delete(&parser)
fclose(file)
print("\(events) events")
