// Verbal forms, one table per profile. The English profiles work on ASCII words; the
// Chinese ones on ICU words, so that 应 in 应用 or 可 in 可信 is never a modal.
#include "engine/provisions.hpp"
#include "engine/work_counters.hpp"

#include "engine/text.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <deque>
#include <limits>
#include <mutex>
#include <ostream>
#include <stdexcept>
#include <unordered_map>

namespace redline {

std::string_view to_string(ProvisionKind kind) {
    switch (kind) {
    case ProvisionKind::statement: return "statement";
    case ProvisionKind::constraint: return "constraint";
    case ProvisionKind::possibility: return "possibility";
    case ProvisionKind::permission: return "permission";
    case ProvisionKind::recommendation: return "recommendation";
    case ProvisionKind::requirement: return "requirement";
    }
    return "statement";
}

std::string_view to_string(Polarity polarity) { return polarity == Polarity::negative ? "negative" : "positive"; }

std::string_view to_string(Profile profile) {
    switch (profile) {
    case Profile::iso: return "iso";
    case Profile::rfc2119: return "rfc2119";
    case Profile::gb: return "gb";
    case Profile::law: return "law";
    }
    return "iso";
}

std::ostream& operator<<(std::ostream& os, ProvisionKind kind) { return os << to_string(kind); }
std::ostream& operator<<(std::ostream& os, Polarity polarity) { return os << to_string(polarity); }
std::ostream& operator<<(std::ostream& os, Profile profile) { return os << to_string(profile); }

bool parse_profile(std::string_view name, Profile& out) {
    for (Profile p : {Profile::iso, Profile::rfc2119, Profile::gb, Profile::law})
        if (name == to_string(p)) {
            out = p;
            return true;
        }
    return false;
}

namespace {

// The process's verbal forms: the text of each, by number (0 is none), in strings that never
// move (a deque keeps its elements in place as it grows), and the number of each text.
struct FormTable {
    std::mutex lock;
    std::deque<std::string> texts{std::string()};
    std::unordered_map<std::string_view, std::uint32_t> ids;
};

FormTable& forms() {
    static FormTable table;
    return table;
}

}  // namespace

VerbalForm::VerbalForm(std::string_view text) {
    if (text.empty()) return;
    FormTable& t = forms();
    const std::lock_guard<std::mutex> hold(t.lock);
    if (const auto it = t.ids.find(text); it != t.ids.end()) {
        id_ = it->second;
        return;
    }
    if (t.texts.size() > std::numeric_limits<std::uint32_t>::max() - 1) throw std::length_error("too many verbal forms");
    id_ = static_cast<std::uint32_t>(t.texts.size());
    t.texts.emplace_back(text);
    t.ids.emplace(t.texts.back(), id_);
}

std::string_view VerbalForm::text() const {
    if (id_ == 0) return {};
    FormTable& t = forms();
    const std::lock_guard<std::mutex> hold(t.lock);   // the deque's index may be growing on another thread
    return t.texts[id_];
}

std::string operator+(std::string a, VerbalForm b) { return a += b.text(); }
std::string operator+(const char* a, VerbalForm b) { return std::string(a) += b.text(); }
std::ostream& operator<<(std::ostream& os, VerbalForm form) { return os << form.text(); }

namespace {

struct Form {
    std::string_view words;   // space-separated words to match ("shall not", "不 应")
    ProvisionKind kind;
    Polarity polarity;
};

// Keeps the strongest provision found in a unit; at equal force a negative form wins
// ("shall not" over the "shall" it contains).
// A form inside an attributive clause ("规定须经批准的项目，应当…") yields to an equal form of
// the main clause. A form inside a condition ("…不宜担任董事的，可以…") is not the sentence's
// verbal form at all: the condition says when the provision applies, the main clause what it
// is; a sentence whose only forms are in conditions is a statement.
struct Best {
    ProvisionKind kind = ProvisionKind::statement;
    Polarity polarity = Polarity::positive;
    std::string form;   // kept as a string until the unit is done: one VerbalForm made a unit
    bool subordinate = false;
    void offer(ProvisionKind k, Polarity p, std::string f, bool in_attributive = false, bool in_condition = false) {
        if (in_condition) return;
        const bool same = k == kind && p == polarity;
        if (k > kind || (k == kind && p == Polarity::negative && polarity == Polarity::positive) ||
            (same && subordinate && !in_attributive)) {
            kind = k;
            polarity = p;
            form = std::move(f);
            subordinate = in_attributive;
        }
    }
    Classification result() const { return {kind, polarity, form.empty() ? VerbalForm() : VerbalForm(form)}; }
};

using K = ProvisionKind;
using P = Polarity;

// ---- English -------------------------------------------------------------------------

std::vector<std::string_view> words_of(std::string_view s) {
    std::vector<std::string_view> out;
    for (const text::Token& t : text::tokenize(s))
        if (t.kind == text::TokenKind::word || t.kind == text::TokenKind::number) out.push_back(s.substr(t.offset, t.length));
    return out;
}

// Does the word sequence `form` start at words[i]? (case-insensitive unless `exact`)
bool at(const std::vector<std::string_view>& words, std::size_t i, std::string_view form, bool exact) {
    std::size_t k = i;
    while (!form.empty()) {
        const std::size_t sp = form.find(' ');
        const std::string_view w = form.substr(0, sp);
        if (k >= words.size()) return false;
        if (exact ? words[k] != w : !text::equals_ci(words[k], w)) return false;
        ++k;
        form = sp == std::string_view::npos ? std::string_view() : form.substr(sp + 1);
    }
    return true;
}

std::string original(const std::vector<std::string_view>& words, std::size_t i, std::string_view form) {
    const std::size_t n = static_cast<std::size_t>(std::count(form.begin(), form.end(), ' ')) + 1;
    std::string out;
    for (std::size_t k = i; k < i + n && k < words.size(); ++k) {
        if (!out.empty()) out += ' ';
        out += words[k];
    }
    return out;
}

// ISO/IEC Directives Part 2, Table 3–7 forms. Longer forms first: the first that matches
// at a position is taken.
constexpr Form iso_forms[] = {
    {"shall not", K::requirement, P::negative},
    {"is not allowed", K::requirement, P::negative},
    {"is not permitted", K::requirement, P::negative},
    {"is not to be", K::requirement, P::negative},
    {"it is required that", K::requirement, P::positive},
    {"is required to", K::requirement, P::positive},
    {"are required to", K::requirement, P::positive},
    {"has to", K::requirement, P::positive},
    {"have to", K::requirement, P::positive},
    {"shall", K::requirement, P::positive},
    {"it is not recommended that", K::recommendation, P::negative},
    {"should not", K::recommendation, P::negative},
    {"ought not to", K::recommendation, P::negative},
    {"it is recommended that", K::recommendation, P::positive},
    {"ought to", K::recommendation, P::positive},
    {"should", K::recommendation, P::positive},
    {"it is not required that", K::permission, P::negative},
    {"need not", K::permission, P::negative},
    {"may not", K::permission, P::negative},
    {"is permitted", K::permission, P::positive},
    {"are permitted", K::permission, P::positive},
    {"is allowed", K::permission, P::positive},
    {"is permissible", K::permission, P::positive},
    {"may", K::permission, P::positive},
    {"cannot", K::possibility, P::negative},
    {"can not", K::possibility, P::negative},
    {"is unable to", K::possibility, P::negative},
    {"it is not possible to", K::possibility, P::negative},
    {"it is possible to", K::possibility, P::positive},
    {"is able to", K::possibility, P::positive},
    {"are able to", K::possibility, P::positive},
    {"be able to", K::possibility, P::positive},
    {"can", K::possibility, P::positive},
    {"must not", K::constraint, P::negative},
    {"must", K::constraint, P::positive},
};

// Can a form start with this word? Its first letter, case folded, begins one of the forms'
// first words: most words of a sentence are rejected here instead of against every form.
bool may_start_iso_form(std::string_view w) {
    static const auto firsts = [] {
        std::array<bool, 256> f{};
        for (const Form& form : iso_forms) f[static_cast<unsigned char>(form.words[0])] = true;
        return f;
    }();
    return firsts[static_cast<unsigned char>(text::ascii_lower(w[0]))];
}

Classification classify_iso(std::string_view unit) {
    const auto words = words_of(unit);
    Best best;
    for (std::size_t i = 0; i < words.size(); ++i) {
        if (!may_start_iso_form(words[i])) continue;
        for (const Form& f : iso_forms) {
            if (!at(words, i, f.words, false)) continue;
            // "May 2023" is a month; "Can" as a title word before a capitalised noun is rare enough.
            if (f.words == "may" && words[i] == "May" && i + 1 < words.size() &&
                std::isdigit(static_cast<unsigned char>(words[i + 1][0])))
                break;
            best.offer(f.kind, f.polarity, original(words, i, f.words));
            break;
        }
    }
    return best.result();
}

// RFC 2119 / RFC 8174: capitals only.
constexpr Form rfc_forms[] = {
    {"MUST NOT", K::requirement, P::negative},
    {"SHALL NOT", K::requirement, P::negative},
    {"SHOULD NOT", K::recommendation, P::negative},
    {"NOT RECOMMENDED", K::recommendation, P::negative},
    {"MUST", K::requirement, P::positive},
    {"SHALL", K::requirement, P::positive},
    {"REQUIRED", K::requirement, P::positive},
    {"SHOULD", K::recommendation, P::positive},
    {"RECOMMENDED", K::recommendation, P::positive},
    {"MAY", K::permission, P::positive},
    {"OPTIONAL", K::permission, P::positive},
};

}  // namespace

// The sentence that defines the keywords names them in quotes ("MUST", "MUST NOT", …); a
// reader may have cut it before "BCP 14 [RFC2119]", so the quoted keywords alone tell it too.
bool is_bcp14_boilerplate(std::string_view unit) {
    // Every unit of an English draft is asked: the one word all forms of it have goes first.
    const bool interpreted = unit.find("interpreted") != std::string_view::npos;
    if (!interpreted && unit.find("key words") == std::string_view::npos) return false;
    const bool cites = unit.find("BCP 14") != std::string_view::npos || unit.find("BCP14") != std::string_view::npos ||
                       unit.find("RFC 2119") != std::string_view::npos || unit.find("RFC2119") != std::string_view::npos;
    if (cites && interpreted) return true;
    int quoted = 0;
    for (std::string_view k : {"MUST", "SHALL", "SHOULD", "MAY", "REQUIRED", "RECOMMENDED", "OPTIONAL"})
        for (std::size_t p = unit.find(k); p != std::string_view::npos; p = unit.find(k, p + 1)) {
            const std::string_view before = unit.substr(0, p), after = unit.substr(p + k.size());
            quoted += (before.ends_with("\"") || before.ends_with("\u201C")) &&
                      (after.starts_with("\"") || after.starts_with("\u201D"));
        }
    return quoted >= 3;
}

namespace {

Classification classify_rfc(std::string_view unit) {
    if (is_bcp14_boilerplate(unit)) return {};
    const auto words = words_of(unit);
    Best best;
    for (std::size_t i = 0; i < words.size(); ++i) {
        // Every form starts with a capitalised word of three letters or more.
        if (words[i].size() < 3 || words[i][0] < 'A' || words[i][0] > 'Z' || words[i][1] < 'A' || words[i][1] > 'Z') continue;
        for (const Form& f : rfc_forms) {
            if (!at(words, i, f.words, true)) continue;
            best.offer(f.kind, f.polarity, std::string(f.words));
            if (f.words.find(' ') != std::string_view::npos) ++i;  // "MUST NOT" is not also "MUST"
            break;
        }
    }
    return best.result();
}

// ---- Chinese -------------------------------------------------------------------------

// ICU words that begin with a modal character but are not modal in a provision.
constexpr std::string_view ying_words[] = {"应用", "应急", "应答", "应变", "应酬", "应届", "应邀", "应聘", "应征",
                                           "应付", "应力", "应激", "应景", "应声", "应允", "应和", "应运", "应时",
                                           "应收", "应付款", "应纳", "应税", "应诉", "应战", "应验", "应对"};

bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

// A dictionary word glued to a modal ("应按", "应为", "宜采用" as one token) still carries it.
bool glued_modal(std::string_view w, std::string_view modal, const std::string_view* exceptions, std::size_t n) {
    if (!starts_with(w, modal) || w.size() == modal.size()) return false;
    for (std::size_t i = 0; i < n; ++i)
        if (w == exceptions[i]) return false;
    return true;
}

// ICU reads "应对" as one word. In a standard it is mostly the modal 应 before the preposition
// 对 ("设备应对管理功能实施鉴别"); it is the verb "cope with" next to these words.
constexpr std::string_view coping_objects[] = {"措施", "策略", "方案", "预案", "风险", "挑战", "能力", "机制", "工作", "计划", "处置"};

bool coping(const std::vector<std::string_view>& w, std::size_t i) {
    static constexpr std::string_view before[] = {"制定", "采取", "有效", "积极", "及时", "以", "用于", "进行", "的", "和", "及"};
    if (i + 1 < w.size())
        for (auto a : coping_objects)
            if (w[i + 1] == a) return true;
    if (i > 0)
        for (auto b : before)
            if (w[i - 1] == b) return true;
    return i + 1 >= w.size();
}

template <std::size_t N>
bool one_of(std::string_view t, const std::string_view (&set)[N]) {
    return std::find(std::begin(set), std::end(set), t) != std::end(set);
}

// 应 glued to the word after it ("应按", "应为"), but not a word of its own (应用) nor the
// verb "cope with" that ICU sometimes keeps whole ("应对措施", as coping() reads "应对 措施").
bool glued_ying(std::string_view t) {
    constexpr std::string_view yingdui = "应对";
    if (starts_with(t, yingdui) && one_of(t.substr(yingdui.size()), coping_objects)) return false;
    return glued_modal(t, "应", ying_words, std::size(ying_words));
}

// The first three bytes of a token as one number: every Chinese verbal form and every adverb
// modal_core() peels starts with a three-byte UTF-8 character, so most tokens are rejected on
// this number alone (the classifier runs on every sentence of a Chinese draft).
constexpr std::uint32_t lead3(std::string_view t) {
    if (t.size() < 3) return 0;
    return (std::uint32_t(static_cast<unsigned char>(t[0])) << 16) | (std::uint32_t(static_cast<unsigned char>(t[1])) << 8) |
           std::uint32_t(static_cast<unsigned char>(t[2]));
}

bool may_start_a_form(std::string_view t) {
    static constexpr std::uint32_t leads[] = {
        lead3("应"), lead3("不"), lead3("得"), lead3("禁"), lead3("必"), lead3("须"), lead3("准"), lead3("只"),
        lead3("宜"), lead3("推"), lead3("建"), lead3("可"), lead3("无"), lead3("允"), lead3("需"), lead3("能"),
        lead3("也"), lead3("还"), lead3("均"), lead3("都"), lead3("亦"), lead3("仍"), lead3("则"), lead3("就"),
        lead3("并"), lead3("才"), lead3("方"), lead3("另"), lead3("仅")};
    const std::uint32_t l = lead3(t);
    return l != 0 && std::find(std::begin(leads), std::end(leads), l) != std::end(leads);
}

// ICU's dictionary glues a modal to the adverb before it or the preposition after it
// ("也可以", "还可", "均应", "应当在", "可被"). The modal is the word that decides, so
// peel those off. ("即可" — "that suffices" — is left alone.)
std::string_view modal_core(std::string_view t) {
    static constexpr std::string_view adverbs[] = {"也", "还", "均", "都", "亦", "仍", "则", "就", "并", "才", "方", "另", "只", "仅"};
    static constexpr std::string_view modals[] = {"不应当", "不应该", "应当", "应该", "不得", "必须", "不宜", "可以",
                                                  "能够", "不能", "不必", "无须", "无需", "可能", "可", "宜", "能", "须", "应"};
    static constexpr std::string_view particles[] = {"在", "被", "由", "对", "向", "从", "按", "为", "于", "以",
                                                     "将", "把", "与", "经", "给", "同"};
    for (std::string_view a : adverbs)
        if (starts_with(t, a) && t.size() > a.size())
            for (std::string_view m : modals)
                if (starts_with(t.substr(a.size()), m)) {
                    t.remove_prefix(a.size());
                    goto peeled;
                }
peeled:
    for (std::string_view m : modals) {
        if (!starts_with(t, m)) continue;
        const std::string_view rest = t.substr(m.size());
        if (rest.empty()) return m;
        if (one_of(rest, particles) && !(m == "应" && rest == "对")) return m;  // 应对: see coping()
        break;
    }
    return t;
}

// Per token j, where the verbs coordinated with it end ("变更 或者 可 撤销" from 变更: at
// 撤销): one backward pass, so that each 可 reads it at once (scanning forward from each 可
// was quadratic on a line of many).
std::vector<std::uint32_t> coordination_ends(const std::vector<std::string_view>& w) {
    static constexpr std::string_view conjunctions[] = {"或者", "或", "和", "及", "与", "、"};
    std::vector<std::uint32_t> end(w.size());
    for (std::size_t j = w.size(); j-- > 0;) {
        end[j] = static_cast<std::uint32_t>(j);
        if (j + 2 < w.size() && one_of(w[j + 1], conjunctions)) {
            std::size_t k = j + 2;
            if (w[k] == "可" && k + 1 < w.size()) ++k;
            end[j] = end[k];
        }
    }
    return end;
}

// 可 that makes an adjective rather than a permission: "可选字段" (optional field),
// "可验证性" (verifiability), "可辨别名" (distinguished name), "可被统计的特性" (a property
// that can be counted), "可撤销的民事法律行为", "无效或者可撤销的合同", "可变更或者可撤销的
// 合同" (a voidable act, contract), "属于可撤销合同", "对可撤销合同，" (a voidable contract
// after a word that takes a noun phrase, never a verb). `i` is the index of 可 (possibly
// glued to 被) in w.
bool adjectival_ke(const std::vector<std::string_view>& w, const std::vector<bool>& punct, std::size_t i,
                   std::string_view unit_after, const std::vector<std::uint32_t>& chain_end) {
    // 可选 = optional, but 可选择 / 可选用 / 可选配 = may choose.
    if (starts_with(unit_after, "选") && !starts_with(unit_after, "选择") && !starts_with(unit_after, "选用") &&
        !starts_with(unit_after, "选配"))
        return true;
    // A copula or determiner right before 可 wants a noun phrase: the modal follows a subject
    // or an adverb, never these.
    static constexpr std::string_view before_noun[] = {"属于", "是", "系", "该", "此", "的", "各", "其他",
                                                       "确认", "认定", "视为", "构成", "成为"};
    if (i > 0 && w[i] == "可" && one_of(w[i - 1], before_noun)) return true;
    // So does a preposition, but 对 also ends nouns ICU splits ("公私钥 | 对 | 可由第三方产生":
    // a key pair may be generated): only "对可撤销合同，" — verb and noun, then the comma
    // that closes the phrase — is read so.
    static constexpr std::string_view prepositions[] = {"对", "对于", "关于"};
    if (i > 0 && w[i] == "可" && one_of(w[i - 1], prepositions) && i + 3 < w.size() && !punct[i + 1] &&
        !punct[i + 2] && punct[i + 3])
        return true;
    std::size_t j = i + 1;
    if (j < w.size() && w[j] == "被") ++j;
    // "可变更或者（可）撤销的": the coordinated verbs share the 的 that makes them attributive.
    if (j < w.size()) j = chain_end[j];
    if (j + 1 < w.size()) {
        static constexpr std::string_view suffixes[] = {"的", "性", "名", "度"};
        if (one_of(w[j + 1], suffixes)) return true;
    }
    return false;
}

// 应 that is no modal though ICU leaves it a word of its own.
//   应诉 (respond to a lawsuit): "被告应诉" reads 应 | 诉.
//   A compound with the character before it, split by the dictionary: 相应, 对应, 供应, 响应,
//   适应, 反应, 呼应, 感应, 效应, 报应, 回应, 答应, 照应 — the modal never follows a one-character
//   preposition or verb directly (a preposition needs its object, the modal a verb after it).
//   "At the request of": 应 + the one who asks + (的) 请求 / 要求 / 邀请 / 申请 / 委托, a phrase
//   closed by a comma before the main clause ("应公司的请求，董事会可以…", "应国务院要求，…").
//   The modal before the same words has a verb between ("应满足下列要求，…", "应按用户要求，
//   …"): those verbs and prepositions are listed, the askers (an open class) are not.
// `i` indexes a token 应 of its own in w; `unit_after` is the unit's text after it.
bool ying_not_modal(const std::vector<std::string_view>& w, const std::vector<bool>& punct, std::size_t i,
                    std::string_view unit_after, std::size_t stretch_end) {
    if (starts_with(unit_after, "诉") && !starts_with(unit_after, "诉讼")) return true;
    static constexpr std::string_view compound_heads[] = {"相", "对", "供", "响", "适", "反", "呼", "感",
                                                          "效", "报", "回", "答", "照"};
    if (i > 0 && one_of(w[i - 1], compound_heads)) return true;
    static constexpr std::string_view requests[] = {"请求", "要求", "邀请", "申请", "委托", "约请", "之邀", "邀"};
    static constexpr std::string_view governing[] = {
        "满足", "符合", "达到", "遵守", "遵循", "执行", "按照", "依照", "依据", "根据", "参照", "服从", "听从", "提出",
        "接受", "拒绝", "同意", "批准", "审查", "审核", "受理", "处理", "答复", "回复", "说明", "载明", "列明", "包括",
        "包含", "明确", "落实", "体现", "考虑", "尊重", "听取", "征求", "反映", "记录", "提交", "告知", "通知", "报告",
        "作出", "做出", "予以", "提供", "出具", "撤回", "放弃", "发出", "按", "依", "以", "向", "对", "在", "于", "由",
        "经", "就", "将", "把", "为", "及时", "立即", "依法", "书面", "同时", "另行", "主动", "积极", "严格"};
    const std::size_t first = i + 1;
    if (first >= w.size() || punct[first] || one_of(w[first], governing)) return false;
    // "应国务院要求，": the words after 应 end in a request and a comma (only the last word of
    // the stretch can stand before its punctuation). `stretch_end` is the first punctuation
    // after 应 (w.size() when none).
    const std::size_t e = stretch_end;
    return e < w.size() && e > first && one_of(w[e - 1], requests) && (w[e] == "，" || w[e] == ",");
}

// 应当知道, 应知, 应当预见: "ought to have known / foreseen", the knowledge the law imputes
// ("知道或者应当知道", "明知或者应知"), not a duty. `unit_after` is the text after the modal.
bool epistemic(std::string_view unit_after) {
    for (std::string_view v : {"知道", "知悉", "预见", "预料"})
        if (starts_with(unit_after, v)) return true;
    if (!starts_with(unit_after, "知")) return false;
    // 应知 alone ("明知或者应知的"), not 知晓 / 知会 (be aware, inform), which are duties.
    const std::string_view rest = unit_after.substr(std::string_view("知").size());
    return rest.empty() || !text::is_han(text::first(rest)) || starts_with(rest, "的") || starts_with(rest, "而") ||
           starts_with(rest, "或") || starts_with(rest, "其");
}

// Which tokens stand in a 的-condition: the clause that ends "…的，" states when the main
// clause applies ("董事不宜担任董事的，可以…", "有下列情形之一的，…"), together with the
// clauses before it that a conjunction joins to it ("…违反法律，或者决议内容违反章程的，…").
std::vector<bool> in_condition(const std::vector<std::string_view>& w, const std::vector<bool>& punct) {
    std::vector<bool> out(w.size(), false);
    auto comma = [&](std::size_t k) { return w[k] == "，" || w[k] == ","; };
    static constexpr std::string_view joining[] = {"或者", "或", "以及", "并且", "且", "而", "和"};
    // The previous condition's first clause and where its extension ended: a later condition
    // whose extension reaches that clause ends where it did ("甲的，或者乙的，或者丙的，"
    // would otherwise walk back over every clause from each 的), and what it marked is marked.
    std::size_t last_clause = static_cast<std::size_t>(-1), last_begin = 0, marked_to = 0;
    for (std::size_t k = 1; k + 1 < w.size(); ++k) {
        if (w[k] != "的" || !comma(k + 1)) continue;
        std::size_t b = k;
        while (b > 0 && !punct[b - 1]) --b;
        const std::size_t clause = b;
        // Extend over the clauses joined to it: this clause starts with a conjunction.
        while (b >= 2 && comma(b - 1) && one_of(w[b], joining)) {
            b -= 1;
            while (b > 0 && !punct[b - 1]) --b;
            if (b == last_clause) {
                b = last_begin;
                break;
            }
        }
        for (std::size_t j = std::max(b, marked_to); j < k; ++j) out[j] = true;
        last_clause = clause;
        last_begin = b;
        marked_to = std::max(marked_to, k);
    }
    return out;
}

Classification classify_zh(std::string_view unit, bool law) {
    std::vector<std::string_view> w;
    std::vector<bool> punct;
    for (const text::Token& t : text::tokenize(unit))
        if (t.kind != text::TokenKind::space) {
            w.push_back(unit.substr(t.offset, t.length));
            punct.push_back(t.kind == text::TokenKind::punct);
        }
    Best best;
    auto next_is_punct_or_end = [&](std::size_t i) { return i + 1 >= w.size() || punct[i + 1]; };
    auto next_is = [&](std::size_t i, std::string_view s) { return i + 1 < w.size() && w[i + 1] == s; };
    auto after = [&](std::size_t i) {  // the unit's text after token i
        return unit.substr(static_cast<std::size_t>(w[i].data() - unit.data()) + w[i].size());
    };
    // Computed when the first form is met, each in one pass over the unit: which tokens stand
    // in a 的-condition; per token, the first punctuation after it and whether a 的 comes
    // before that; where coordinated verbs end. (Scanning forward from each modal word was
    // quadratic on a long line without punctuation.)
    std::vector<bool> condition, de_ahead;
    std::vector<std::uint32_t> stretch_end, chain_end;
    auto look_ahead = [&] {
        if (!condition.empty()) return;
        condition = in_condition(w, punct);
        de_ahead.assign(w.size() + 1, false);
        stretch_end.assign(w.size() + 1, static_cast<std::uint32_t>(w.size()));
        for (std::size_t j = w.size(); j-- > 0;) {
            stretch_end[j] = punct[j] ? static_cast<std::uint32_t>(j) : stretch_end[j + 1];
            de_ahead[j] = !punct[j] && (w[j] == "的" || de_ahead[j + 1]);
        }
        chain_end = coordination_ends(w);
        work::count(work::Counter::zh_modal_scan, w.size());
    };
    for (std::size_t i = 0; i < w.size(); ++i) {
        if (!may_start_a_form(w[i])) continue;
        const std::string_view t = modal_core(w[i]);
        look_ahead();
        auto offer = [&](K kind, P polarity, std::string form) {
            const bool attributive_clause = de_ahead[i + 1];  // a 的 before the clause ends
            best.offer(kind, polarity, std::move(form), attributive_clause, condition[i]);
        };
        // ICU reads "应当事人的申请" as 应当 | 事 | 人的: it is 应 | 当事人, never the modal (no
        // word 事人 follows a modal).
        if (w[i] == "应当" && starts_with(after(i), "事")) continue;
        if (w[i] == "应" && ying_not_modal(w, punct, i, after(i), stretch_end[i + 1])) continue;
        if ((t == "应" || t == "应当" || t == "应该" || t == "不应当" || t == "不应") && epistemic(after(i))) continue;
        const bool neg = i > 0 && (w[i - 1] == "不" || w[i - 1] == "并不");
        // "推荐的测试环境", "建议的修订": attributive, not a recommendation.
        const bool attributive = next_is(i, "的") || (i > 0 && w[i - 1] == "的");
        // Requirements.
        if (t == "应当" || t == "应该") {
            offer(K::requirement, neg ? P::negative : P::positive, neg ? "不" + std::string(t) : std::string(t));
        } else if (t == "不应" || t == "不应当" || t == "不应该") {
            offer(K::requirement, P::negative, std::string(t));
        } else if (t == "应" || glued_ying(t)) {
            offer(K::requirement, neg ? P::negative : P::positive, neg ? "不应" : "应");
        } else if (t == "应对" && !coping(w, i)) {
            offer(K::requirement, neg ? P::negative : P::positive, neg ? "不应" : "应");  // 应 + 对…
        } else if (t == "不得" || (t == "得" && neg)) {
            offer(K::requirement, P::negative, "不得");
        } else if (t == "禁止" && (law || !next_is_punct_or_end(i))) {
            offer(K::requirement, P::negative, "禁止");
        } else if (t == "必须" || t == "须") {
            offer(K::requirement, neg ? P::negative : P::positive, (neg ? "不" : "") + std::string(t));
        } else if (t == "不准许" || (t == "准许" && neg) || (t == "不允许") || (t == "允许" && neg)) {
            offer(K::requirement, P::negative, neg ? "不" + std::string(t) : std::string(t));
        } else if (t == "只准许" || (t == "准许" && i > 0 && (w[i - 1] == "只" || w[i - 1] == "仅"))) {
            offer(K::requirement, P::positive, "只准许");
        }
        // Recommendations.
        else if (t == "不宜" || (t == "宜" && neg)) {
            offer(K::recommendation, P::negative, "不宜");
        } else if (t == "宜" || (starts_with(t, "宜") && t != "宜人" && t.size() > 3)) {
            offer(K::recommendation, P::positive, "宜");
        } else if ((t == "推荐" || t == "建议") && !next_is_punct_or_end(i) && !attributive) {
            offer(K::recommendation, neg ? P::negative : P::positive, neg ? "不" + std::string(t) : std::string(t));
        } else if (t == "不推荐" || t == "不建议") {
            offer(K::recommendation, P::negative, std::string(t));
        }
        // Permissions.
        else if (t == "可以") {
            offer(K::permission, neg ? P::negative : P::positive, neg ? "不可以" : "可以");
        } else if (t == "不必" || t == "无须" || t == "无需" || t == "不需要" || (t == "必" && neg) ||
                   (t == "需要" && neg)) {
            offer(K::permission, P::negative, neg ? "不" + std::string(t) : std::string(t));
        } else if (t == "允许") {
            offer(K::permission, P::positive, "允许");
        } else if (t == "可" && !neg && !adjectival_ke(w, punct, i, w[i] == "可" ? after(i) : std::string_view(), chain_end)) {
            offer(K::permission, P::positive, "可");
        }
        // Possibility. Statutes state conditions with 能 / 可能 ("不能履行职务的"), never
        // possibilities, so the law profile has none.
        else if (law) {
            continue;
        } else if (t == "能" || t == "能够") {
            offer(K::possibility, neg ? P::negative : P::positive, neg ? "不" + std::string(t) : std::string(t));
        } else if (t == "不能" || t == "不能够") {
            offer(K::possibility, P::negative, std::string(t));
        } else if (t == "可能" && !next_is_punct_or_end(i) && (i == 0 || w[i - 1] != "的")) {
            offer(K::possibility, neg ? P::negative : P::positive, neg ? "不可能" : "可能");
        } else if (t == "不可能") {
            offer(K::possibility, P::negative, "不可能");
        }
    }
    return best.result();
}

}  // namespace

bool may_hold_provision(std::string_view t, Profile profile) {
    auto has = [&](std::initializer_list<std::string_view> parts) {
        for (std::string_view p : parts)
            if (t.find(p) != std::string_view::npos) return true;
        return false;
    };
    switch (profile) {
    case Profile::rfc2119: return has({"MUST", "SHALL", "SHOULD", "MAY", "REQUIRED", "RECOMMENDED", "OPTIONAL"});
    case Profile::iso: {
        const std::string lower = text::ascii_lower(t);
        for (std::string_view p : {"shall", "should", "may", "can", "must", "need", "requir", "recommend", "permi", "allow",
                                   "able", "possib", "ought", "has to", "have to"})
            if (lower.find(p) != std::string::npos) return true;
        return false;
    }
    case Profile::gb:
    case Profile::law:
        return has({"应", "宜", "可", "能", "得", "须", "必", "允", "准", "推荐", "建议", "禁止", "需"});
    }
    return true;
}

Classification classify(std::string_view unit, Profile profile) {
    if (!may_hold_provision(unit, profile)) return {};
    switch (profile) {
    case Profile::iso: return is_bcp14_boilerplate(unit) ? Classification{} : classify_iso(unit);
    case Profile::rfc2119: return classify_rfc(unit);
    case Profile::gb: return classify_zh(unit, false);
    case Profile::law: return classify_zh(unit, true);
    }
    return {};
}

}  // namespace redline
