// The titles that name a section's role (SectionRole, engine/document.hpp): the one place
// that knows that 前言 is a foreword, "2 规范性引用文件" the normative-references clause and
// "Security and Privacy Considerations" an IETF security section. Every reader recognises
// the roles of its headings with these functions, where it opens the section; nothing after
// the readers looks at titles to find a role.
#pragma once

#include "engine/document.hpp"

#include <string_view>

namespace redline::formats {

// The role a heading's title names by itself (the title without its label), or none. Han
// titles compare without their layout spaces ("前　言"); Latin ones without white space and
// ASCII case ("Table of Contents", "NORMATIVE REFERENCES"). Never cover, annex or
// drafting_organisation: those come from where a node stands, not from what it is called.
//   contents                目次 目录 / Contents, Table of Contents
//   foreword                前言 / Foreword, Preface
//   introduction            引言 / Introduction
//   abstract                Abstract
//   boilerplate             Status of This Memo, Copyright Notice
//   scope                   范围 / Scope
//   normative_references    …规范性引用文件… / Normative References
//   informative_references  Informative References
//   references              References
//   terms                   术语… (术语和定义, 术语、定义和缩略语) / Terms and definitions, Terms,
//                           definitions and abbreviated terms, Definitions…, Terminology,
//                           Conventions and Definitions, Conventions and Terminology
//   bibliography            参考文献 / Bibliography
//   index                   索引 / Index
//   security_considerations Security Considerations, Security and Privacy Considerations
//   iana_considerations     IANA Considerations
SectionRole title_role(std::string_view title);

// The role of a section heading titled `title` given where it stands. `top`: a first-level
// section of the document (clause 1, 2, …; an unnumbered front- or back-matter heading; a
// kramdown-rfc "#" heading). `parent`: the role of the section it sits in. A top-level
// heading takes whatever role its title names; below the top level only a normative or
// informative list inside References (IETF "9.1 Normative References") and a terms section
// outside another one (IETF "1.2 Terms and Definitions") do — a subclause titled
// "Introduction" or "Scope" heads no part of the document.
SectionRole heading_role(std::string_view title, bool top, SectionRole parent);

// Roles of the reference lists and indexes that close a document: in an IETF back matter
// they are not appendices.
bool is_reference_role(SectionRole role);

}  // namespace redline::formats
