#include <referat/version.hpp>

namespace referat {
const char* version() noexcept { return REFERAT_VERSION_STRING; }
}  // namespace referat
