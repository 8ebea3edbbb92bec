#include "formats/text/html_table.hpp"

#include "formats/text/scan.hpp"

#include "engine/text.hpp"

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include <limits>
#include <memory>

namespace redline::formats::html {

namespace {

struct DocFree {
    void operator()(xmlDoc* d) const { xmlFreeDoc(d); }
};

bool is_element(const xmlNode* n, const char* name) {
    return n->type == XML_ELEMENT_NODE && xmlStrcasecmp(n->name, reinterpret_cast<const xmlChar*>(name)) == 0;
}

std::string content(const xmlNode* n) {
    xmlChar* c = xmlNodeGetContent(n);
    if (c == nullptr) return {};
    std::string out = text::fold_space(reinterpret_cast<const char*>(c));
    xmlFree(c);
    return out;
}

std::unique_ptr<xmlDoc, DocFree> parse(std::string_view html) {
    if (html.size() > static_cast<std::size_t>(std::numeric_limits<int>::max())) return nullptr;
    return std::unique_ptr<xmlDoc, DocFree>(
        htmlReadMemory(html.data(), static_cast<int>(html.size()), nullptr, "UTF-8",
                       HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET | HTML_PARSE_NOIMPLIED));
}

// Walks the tree without recursion (a hostile fragment may nest deeply).
template <class F>
void walk(xmlNode* root, F&& visit) {
    xmlNode* n = root;
    while (true) {
        if (visit(n) && n->children != nullptr) {
            n = n->children;
            continue;
        }
        while (true) {
            if (n == root) return;
            if (n->next != nullptr) {
                n = n->next;
                break;
            }
            n = n->parent;
            if (n == nullptr) return;
        }
    }
}

}  // namespace

std::vector<Row> table_rows(std::string_view html) {
    std::vector<Row> rows;
    auto doc = parse(html);
    if (!doc) return rows;
    xmlNode* root = xmlDocGetRootElement(doc.get());
    if (root == nullptr) return rows;
    for (xmlNode* top = root; top != nullptr; top = top->next) {
        walk(top, [&](xmlNode* n) {
            if (!is_element(n, "tr")) return !is_element(n, "td") && !is_element(n, "th");
            Row row;
            for (xmlNode* c = n->children; c != nullptr; c = c->next) {
                if (!is_element(c, "td") && !is_element(c, "th")) continue;
                if (!row.text.empty()) row.text += " | ";
                row.text += content(c);
            }
            const long line = xmlGetLineNo(n);
            row.line = line > 0 ? static_cast<std::uint32_t>(line) : 1;
            if (scan::squeeze(row.text).find_first_not_of('|') != std::string::npos) rows.push_back(std::move(row));
            return false;
        });
    }
    return rows;
}

std::string strip_tags(std::string_view html) {
    auto doc = parse(html);
    if (!doc) return std::string(html);
    std::string out;
    for (xmlNode* top = xmlDocGetRootElement(doc.get()); top != nullptr; top = top->next) {
        if (!out.empty()) out += ' ';
        out += content(top);
    }
    return out;
}

}  // namespace redline::formats::html
