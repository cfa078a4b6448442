// libFuzzer target: any bytes as a PDF file. poppler extracts the text and
// referat parses it; a bad PDF may be refused with an InputError. Most of
// the code run here is poppler's, so this mainly shows whether a damaged PDF
// can take down a batch. Build and run: tests/fuzz/README.md.
#include <referat/error.hpp>
#include <referat/minutes.hpp>

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static referat::MinutesParser parser;
  try {
    (void)parser.parse_pdf_bytes(std::string_view(reinterpret_cast<const char*>(data), size), "fuzz.pdf");
  } catch (const referat::InputError&) {
  }
  return 0;
}
