#include <referat/referat.hpp>

#include <iostream>

int main() {
  referat::Analyzer analyzer;
  auto tokens = analyzer.analyze("Demensdagcenter");
  std::cout << "referat " << referat::version() << ": " << tokens.size() << " token, " << tokens.at(0).terms.size()
            << " terms\n";
  return tokens.size() == 1 ? 0 : 1;
}
