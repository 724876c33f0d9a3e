// The CLI names rendered files without depending on the Render stage directly.
@_exported import struct Render.OutputFile
