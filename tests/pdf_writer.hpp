#pragma once
// Writes minimal, valid PDF files for tests: one Helvetica text line per
// entry, pages in order, WinAnsi encoding (so æøå work), correct xref table.
// A page given no lines gets a filled rectangle only (no text layer).
#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

namespace testpdf {

// UTF-8 → WinAnsi (Latin-1 range) bytes, with PDF string escapes.
inline std::string pdf_string(const std::string& utf8) {
  std::string out = "(";
  for (std::size_t i = 0; i < utf8.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(utf8[i]);
    unsigned code = c;
    if (c >= 0xC0 && i + 1 < utf8.size()) {
      code = ((c & 0x1Fu) << 6) | (static_cast<unsigned char>(utf8[++i]) & 0x3Fu);
    }
    if (code == '(' || code == ')' || code == '\\') {
      out += '\\';
      out += static_cast<char>(code);
    } else if (code >= 0x80) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\%03o", code);
      out += buf;
    } else {
      out += static_cast<char>(code);
    }
  }
  return out + ")";
}

inline void write(const std::string& path, const std::vector<std::vector<std::string>>& pages) {
  std::vector<std::string> objects;  // bodies of objects 1..n
  const std::size_t n_pages = pages.size();
  // 1 catalog, 2 pages, 3 font, then (page, content) per page.
  objects.push_back("<< /Type /Catalog /Pages 2 0 R >>");
  std::string kids;
  for (std::size_t p = 0; p < n_pages; ++p) kids += std::to_string(4 + 2 * p) + " 0 R ";
  objects.push_back("<< /Type /Pages /Kids [" + kids + "] /Count " + std::to_string(n_pages) + " >>");
  objects.push_back("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>");
  for (std::size_t p = 0; p < n_pages; ++p) {
    std::string stream;
    if (pages[p].empty()) {
      stream = "0.5 g 72 500 200 100 re f\n";
    } else {
      stream = "BT /F1 12 Tf 14 TL 72 720 Td\n";
      for (const auto& line : pages[p]) stream += pdf_string(line) + " Tj T*\n";
      stream += "ET\n";
    }
    objects.push_back(
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> "
        "/Contents " +
        std::to_string(5 + 2 * p) + " 0 R >>");
    objects.push_back("<< /Length " + std::to_string(stream.size()) + " >>\nstream\n" + stream + "endstream");
  }
  std::string pdf = "%PDF-1.4\n";
  std::vector<std::size_t> offsets;
  for (std::size_t i = 0; i < objects.size(); ++i) {
    offsets.push_back(pdf.size());
    pdf += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
  }
  const std::size_t xref = pdf.size();
  pdf += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
  for (std::size_t off : offsets) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%010zu 00000 n \n", off);
    pdf += buf;
  }
  pdf += "trailer\n<< /Size " + std::to_string(objects.size() + 1) + " /Root 1 0 R >>\nstartxref\n" +
         std::to_string(xref) + "\n%%EOF\n";
  std::ofstream(path, std::ios::binary) << pdf;
}

}  // namespace testpdf
