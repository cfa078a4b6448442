#pragma once
/// @file
/// Umbrella header: the whole public API of referat.
#include <referat/analyzer.hpp>
#include <referat/error.hpp>
#include <referat/index.hpp>
#include <referat/minutes.hpp>
#include <referat/search.hpp>
#include <referat/version.hpp>
