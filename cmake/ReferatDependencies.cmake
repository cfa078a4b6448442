# Finds referat's private dependencies and wraps each in an imported target.
# Used both by the build tree and by the installed package config, so a
# consumer of a static libreferat gets the same link line we used.
#
# Xapian 1.4's CMake config only sets variables, and hunspell/poppler/zstd have no
# CMake config at all: pkg-config gives us IMPORTED_TARGETs for all three.
include_guard(GLOBAL)

find_package(PkgConfig REQUIRED)
pkg_check_modules(referat_xapian REQUIRED IMPORTED_TARGET GLOBAL xapian-core>=1.4)
pkg_check_modules(referat_hunspell REQUIRED IMPORTED_TARGET GLOBAL hunspell)
pkg_check_modules(referat_poppler REQUIRED IMPORTED_TARGET GLOBAL poppler-cpp)
# Item texts in the index (index/record.cpp).
pkg_check_modules(referat_zstd REQUIRED IMPORTED_TARGET GLOBAL libzstd)
find_package(ICU 60 REQUIRED COMPONENTS uc i18n)
find_package(Boost 1.74 REQUIRED)
find_package(Threads REQUIRED)
# Header-only, private: JSON Lines input and stored item records.
find_package(nlohmann_json 3.10 REQUIRED)
