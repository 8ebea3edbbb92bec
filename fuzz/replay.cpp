// Runs a fuzz target's entry function without libFuzzer, so that the normal build (g++, and
// the ASan build of scripts/test.sh) replays the inputs the fuzzers found:
//
//   fuzz_replay_TARGET PATH…               each file, and each file of each folder (sorted)
//   fuzz_replay_TARGET --pair OLD NEW…     for the comparison: each OLD, NEW pair joined as
//                                          the target's input (harness.hpp: join_pair)
//
// A crash or sanitizer report ends the run (the input was printed first); otherwise it prints
// "N passed, 0 failed".
#include "fuzz/harness.hpp"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace {

std::string slurp(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        std::fprintf(stderr, "fuzz replay: cannot read %s\n", path.c_str());
        std::exit(2);
    }
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// The format bits of harness.hpp's PairInput that the file's extension calls for.
unsigned format_bits(const std::filesystem::path& path) {
    const std::string ext = path.extension().string();
    return ext == ".txt" ? 1 : ext == ".md" ? 2 : ext == ".xml" ? 3 : 0;
}

void run(const std::string& name, const std::string& input) {
    std::fprintf(stderr, "fuzz replay: %s (%zu bytes)\n", name.c_str(), input.size());
    LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(input.data()), input.size());
}

}  // namespace

int main(int argc, char** argv) {
    namespace fs = std::filesystem;
    std::size_t inputs = 0;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--pair" && i + 2 < argc) {
            const std::string old_path = argv[i + 1], new_path = argv[i + 2];
            i += 2;
            // Formats from the extensions, language detected; then also the Chinese brief with
            // a watch list, editorial changes ignored.
            const unsigned formats = format_bits(old_path) | format_bits(new_path) << 2;
            for (unsigned extra : {0x00u, 0xC0u}) {
                const auto options = static_cast<std::uint8_t>(formats | extra);
                run(old_path + " -> " + new_path, redline::fuzz::join_pair(options, slurp(old_path), slurp(new_path)));
                ++inputs;
            }
            continue;
        }
        std::vector<fs::path> files;
        if (fs::is_directory(arg)) {
            for (const auto& entry : fs::directory_iterator(arg))
                if (entry.is_regular_file() && !entry.path().filename().string().starts_with(".")) files.push_back(entry.path());
            std::sort(files.begin(), files.end());
        } else {
            files.emplace_back(arg);
        }
        for (const fs::path& file : files) {
            run(file.string(), slurp(file));
            ++inputs;
        }
    }
    std::printf("%zu passed, 0 failed\n", inputs);
    return 0;
}
