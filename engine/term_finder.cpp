#include "engine/term_finder.hpp"

#include "engine/text.hpp"

#include <algorithm>

namespace redline {

namespace {

constexpr std::uint32_t none = 0;   // the root is never a child: 0 means "no such node"

std::uint64_t edge_key(std::uint32_t node, unsigned char byte) { return (std::uint64_t{node} << 8) | byte; }

}  // namespace

std::uint32_t TermFinder::child(std::uint32_t node, unsigned char byte) const {
    const auto it = edges_.find(edge_key(node, byte));
    return it == edges_.end() ? none : it->second;
}

TermFinder::TermFinder(const std::vector<std::string>& terms) : terms_(terms), nodes_(1) {
    // The trie of the keys, each child noted in the order made (for the breadth-first pass).
    std::vector<std::vector<std::pair<unsigned char, std::uint32_t>>> children(1);
    for (std::uint32_t t = 0; t < terms_.size(); ++t) {
        const std::string key = text::comparison_key(terms_[t]);
        if (key.empty()) continue;   // an empty key finds nothing (as a search for it did not)
        std::uint32_t at = 0;
        for (const char c : key) {
            const auto byte = static_cast<unsigned char>(c);
            std::uint32_t next = child(at, byte);
            if (next == none) {
                next = static_cast<std::uint32_t>(nodes_.size());
                nodes_.emplace_back();
                children.emplace_back();
                edges_.emplace(edge_key(at, byte), next);
                children[at].emplace_back(byte, next);
            }
            at = next;
        }
        nodes_[at].ends.push_back(t);
    }
    // Fail links breadth first: a node's fail is its parent's fail followed by the same byte
    // (shorter than the node itself, so never the node).
    std::vector<std::uint32_t> queue;
    for (const auto& [byte, c] : children[0]) queue.push_back(c);   // their fail is the root
    for (std::size_t i = 0; i < queue.size(); ++i) {
        const std::uint32_t u = queue[i];
        for (const auto& [byte, v] : children[u]) {
            std::uint32_t f = nodes_[u].fail;
            while (f != 0 && child(f, byte) == none) f = nodes_[f].fail;
            nodes_[v].fail = child(f, byte);
            const Node& fail = nodes_[nodes_[v].fail];
            nodes_[v].next_output = !fail.ends.empty() ? nodes_[v].fail : fail.next_output;
            queue.push_back(v);
        }
    }
}

std::vector<std::string> TermFinder::found_in(std::string_view text) const {
    std::vector<std::string> found;
    if (nodes_.size() == 1) return found;
    const std::string folded = text::comparison_key(text);
    if (seen_.empty() || ++stamp_ == 0) {
        seen_.assign(nodes_.size(), 0);
        stamp_ = 1;
    }
    std::vector<std::uint32_t> hits;
    std::uint32_t at = 0;
    for (const char c : folded) {
        const auto byte = static_cast<unsigned char>(c);
        std::uint32_t next = child(at, byte);
        while (next == none && at != 0) {
            at = nodes_[at].fail;
            next = child(at, byte);
        }
        at = next;
        // Each output node once a text: a chain met before was emitted whole then.
        for (std::uint32_t o = nodes_[at].ends.empty() ? nodes_[at].next_output : at; o != 0 && seen_[o] != stamp_;
             o = nodes_[o].next_output) {
            seen_[o] = stamp_;
            hits.insert(hits.end(), nodes_[o].ends.begin(), nodes_[o].ends.end());
        }
    }
    std::sort(hits.begin(), hits.end());
    hits.erase(std::unique(hits.begin(), hits.end()), hits.end());
    for (const std::uint32_t t : hits) found.push_back(terms_[t]);
    return found;
}

}  // namespace redline
