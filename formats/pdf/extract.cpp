// pdf::extract: loads the poppler module on first use and calls it. The module is looked for
// beside the running executable, then where the build put it (REDLINE_PDF_MODULE_PATH).
#include "formats/pdf/extract.hpp"
#include "formats/pdf/poppler_module.hpp"

#include "engine/error.hpp"

#include <dlfcn.h>
#include <unistd.h>

#include <climits>
#include <string>

namespace redline::formats::pdf {

namespace {

std::string beside_executable(const char* name) {
    char buf[PATH_MAX];
    const ssize_t n = ::readlink("/proc/self/exe", buf, sizeof buf - 1);
    if (n <= 0) return {};
    std::string path(buf, static_cast<std::size_t>(n));
    const std::size_t slash = path.rfind('/');
    return slash == std::string::npos ? std::string() : path.substr(0, slash + 1) + name;
}

ModuleEntry load() {
    std::string why;
    for (const std::string& path : {beside_executable(REDLINE_PDF_MODULE_NAME), std::string(REDLINE_PDF_MODULE_PATH)}) {
        if (path.empty()) continue;
        void* handle = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
        if (handle == nullptr) {
            const char* e = dlerror();
            if (why.empty() && e != nullptr && access(path.c_str(), F_OK) == 0) why = e;
            continue;
        }
        if (auto entry = reinterpret_cast<ModuleEntry>(dlsym(handle, module_entry_name))) return entry;
        why = path + " lacks " + module_entry_name;
    }
    throw InputError("", "cannot read PDF: the PDF module " REDLINE_PDF_MODULE_NAME " cannot be loaded" +
                             (why.empty() ? std::string(" (not found beside redline)") : " (" + why + ")") +
                             "; poppler's C++ library comes with the Debian package libpoppler-cpp0v5");
}

}  // namespace

Extraction extract(std::string_view bytes, const Limits& limits) {
    static const ModuleEntry entry = load();   // a failed load throws and is tried again next time
    Extraction out;
    std::string place, message;
    const ModuleCall call{bytes, &limits, &out, &place, &message};
    if (entry(&call) != 0) throw InputError(place, message);
    return out;
}

}  // namespace redline::formats::pdf
