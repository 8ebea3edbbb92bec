// Provisions: the normative sentences of a draft, classified by their verbal form, and the
// documents they cite.
//
// A clause's text is split into units (sentences, with Chinese 。；！？ as sentence ends;
// each list item is its own unit). Each unit is classified under one of four profiles:
//   iso      ISO/IEC Directives Part 2 English: shall / should / may / can, "must" as an
//            external constraint; notes, examples, foreword and introduction carry none.
//   rfc2119  BCP 14 keywords, capitals only (RFC 8174); the boilerplate defining them is not
//            a provision.
//   gb       GB/T 1.1 Chinese: 应/不应, 宜/不宜, 可/不必, 能/不能, 可能, older 不得/必须 —
//            found by ICU word segmentation, never inside words such as 应用, 可信, 功能.
//   law      Chinese statutes: 应当, 不得, 禁止, 可以, 必须.
// Under gb and law a unit takes the form of its main clause: not of a 的-condition ("…不宜
// 担任董事的，可以…"), not of 应 that is no modal (应诉, "应公司的请求，", 相|应), of imputed
// knowledge (应当知道, 应知, 应当预见) or of an attributive 可 (可撤销的合同, 对可撤销合同).
// A list item without a verbal form of its own inherits the provision of a lead-in that
// ends with a colon ("The device shall:" / "设备应满足以下要求：").
// Where a unit stands comes from the section roles the reader set (engine/document.hpp):
// under iso and gb, text in notes, examples, front matter and the cover, contents,
// foreword, introduction, abstract, boilerplate, bibliography and index is informative;
// references cited under the normative-references section form the normative list.
#pragma once

#include "engine/document.hpp"

#include <cstdint>
#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

namespace redline {

// Ordered by force: a change to a higher value is a strengthening.
enum class ProvisionKind : std::uint8_t { statement, constraint, possibility, permission, recommendation, requirement };
enum class Polarity : std::uint8_t { positive, negative };
enum class Profile : std::uint8_t { iso, rfc2119, gb, law };

std::string_view to_string(ProvisionKind kind);
std::string_view to_string(Polarity polarity);
std::string_view to_string(Profile profile);
std::ostream& operator<<(std::ostream& os, ProvisionKind kind);
std::ostream& operator<<(std::ostream& os, Polarity polarity);
std::ostream& operator<<(std::ostream& os, Profile profile);
bool parse_profile(std::string_view name, Profile& out);

// A verbal form as written ("shall not", "应", "MUST"), kept once per process: a unit holds
// its number, not a string of its own. A draft of one-line paragraphs has a unit for each, and
// a std::string there was half of a unit's 64 bytes (now 28). Safe to make and read on any
// thread; the forms of a run are a few dozen spellings.
class VerbalForm {
public:
    VerbalForm() = default;
    explicit VerbalForm(std::string_view text);
    std::string_view text() const;
    operator std::string_view() const { return text(); }
    bool empty() const { return id_ == 0; }
    friend bool operator==(VerbalForm a, VerbalForm b) { return a.id_ == b.id_; }
    friend bool operator==(VerbalForm a, std::string_view b) { return a.text() == b; }

private:
    std::uint32_t id_ = 0;   // 0: no form
};
std::string operator+(std::string a, VerbalForm b);
std::string operator+(const char* a, VerbalForm b);
std::ostream& operator<<(std::ostream& os, VerbalForm form);

struct Classification {
    ProvisionKind kind = ProvisionKind::statement;
    Polarity polarity = Polarity::positive;
    VerbalForm form;   // empty for statements
};

// Classifies one unit of text under a profile, ignoring where it stands in the document.
Classification classify(std::string_view unit, Profile profile);

// False when the text cannot hold a verbal form of the profile (a cheap substring test that
// lets most descriptive paragraphs skip sentence splitting and classification).
bool may_hold_provision(std::string_view text, Profile profile);

// One unit of a clause's own text.
struct Unit {
    ClauseId clause = no_clause;
    std::uint32_t block = 0;             // index into Document::blocks()
    std::uint32_t offset = 0, length = 0;  // bytes within that block's text
    Classification what;
    bool inherited = false;              // the provision comes from a lead-in ending in a colon
};

// A cited document: "GB/T 29829—2022", "ISO/IEC 27001:2022", "RFC 8446", "[RFC2119]".
struct Reference {
    ClauseId clause = no_clause;
    std::uint32_t block = 0;
    std::uint32_t offset = 0, length = 0;  // bytes within the block's text: the citation as printed
    std::string key;                       // normalised: "GB/T 29829-2022", "RFC 8446", "ISO/IEC 27001:2022"
    bool dated = false;
    bool normative_list = false;           // cited in the normative-references clause
};

// A defined term: a term entry, whose title is the term and whose alternative title its
// English equivalent (term_text(), term_alt()). Only the clause is kept: two strings a term
// were 72 bytes, more than a whole entry of a term section (some 45 bytes a side).
struct Term {
    ClauseId clause = no_clause;
};

struct Analysis {
    Profile profile = Profile::iso;
    std::vector<Unit> units;             // every unit of every clause, in document order
    std::vector<Reference> references;   // in document order
    std::vector<Term> terms;
};

// A unit's text as printed (a view into the document's text).
std::string_view unit_text(const Document& doc, const Unit& unit);
// A citation's text as printed ("GB/T 29829—2022"; a view into the document's text).
std::string_view reference_text(const Document& doc, const Reference& reference);
// A term's text and its English equivalent as printed (views into the document's text).
std::string_view term_text(const Document& doc, const Term& term);
std::string_view term_alt(const Document& doc, const Term& term);

// The BCP 14 boilerplate ("The key words "MUST", "MUST NOT", … are to be interpreted as
// described in BCP 14 [RFC2119] [RFC8174] …"), or a piece of it that quotes the keywords: it
// defines them and is never a provision.
bool is_bcp14_boilerplate(std::string_view unit);

// rfc2119 when the BCP 14 boilerplate is present (also cut in two blocks); law when the document has 第X条 articles;
// gb for Chinese; iso otherwise.
Profile choose_profile(const Document& doc);

Analysis analyse(const Document& doc, Profile profile);

// The citations in a piece of text (offsets into it; clause and block left unset).
std::vector<Reference> find_references(std::string_view text);

}  // namespace redline
