"""HTML pages for people: one per authority, unit, event, source and person (and a plain page for every
other resource), an index and a browse by authority. Rendered from Jinja2 templates in ``templates/``.

Links between pages are relative (``../../unit/…/x.html``), so the same pages work from a static host,
from ``file://`` and from ``kommgraph serve``; the identifier itself is shown on every page.
"""

from __future__ import annotations

from dataclasses import replace

import pyoxigraph as ox

from kommgraph.core import media
from kommgraph.core.vocab import DCAT, KG, OA, SCHEMA
from kommgraph.curation.statements import draft_statements
from kommgraph.publish.page_facts import (
    DCT,
    ENDINGS,
    FOAF,
    ORG,
    PROV,
    RDF_TYPE,
    SKOS,
    GraphView,
    Link,
    Quote,
    Row,
    Text,
    When,
    environment,
    local_name,
)
from kommgraph.publish.site import CHECKSUM_FILE, DATA_NAME, ONTOLOGY_FILE, Site
from kommgraph.publish.timelines import Timelines
from kommgraph.store.dataset import draft_only_subjects

DRAFT_MARK = "Entwurf, ungeprüft"
RDF_TYPE_NODE = ox.NamedNode(RDF_TYPE)
SOURCE_GRAPH = ox.NamedNode(str(KG.SourceGraph))
UNIT_ROLES = (ORG + "originalOrganization", ORG + "resultingOrganization", str(KG.spunOffFrom))
TRUE = ox.Literal("true", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#boolean"))


class Pages(Timelines, GraphView):
    """Renders the pages of one (rebased) store."""

    def __init__(self, store: ox.Store, site: Site, sparql_endpoint: str | None = None):
        super().__init__(store, site)
        self.sparql_endpoint = sparql_endpoint
        self.env = environment()
        # what only a converter draft states (published only with --include-drafts), marked where shown:
        # resources no curated graph describes, and single statements (a draft's date of a curated unit)
        self.drafts = draft_only_subjects(store)
        self.draft_statements = draft_statements(store)
        self.touched_by_drafts = {t.value for s, _, o in self.draft_statements for t in (s, o)}

    def link(self, iri: str, root: str, label: str | None = None) -> Link:
        link = super().link(iri, root, label)
        return replace(link, draft=True) if iri in self.drafts else link

    # ----------------------------------------------------------------------------------- links

    def events_of(self, unit: str) -> list[tuple[str, str]]:
        """``(event, role)`` for every event the unit takes part in."""
        out = [(e, "ursprüngliche Einheit") for e in self.subjects(ORG + "originalOrganization", unit)]
        out += [(e, "resultierende Einheit") for e in self.subjects(ORG + "resultingOrganization", unit)]
        out += [(e, "abgebende Einheit") for e in self.subjects(str(KG.spunOffFrom), unit)]
        return out

    def event_date(self, event: str) -> When | None:
        return self.when(event, str(KG.effectiveDate)) or self.when(event, str(KG.announcedDate))

    def event_summary(self, event: str, root: str, role: str | None = None, unit: str | None = None) -> dict:
        """One row of an events table; marked when the event, or its part in ``unit``, is a draft's."""
        date = self.event_date(event)
        link = self.link(event, root)
        part = unit is not None and any(self.is_draft(event, p, unit) for p in UNIT_ROLES)
        if date is not None and (link.draft or part):
            date = replace(date, draft=False)  # the row is marked once, as a whole
        return {
            "link": link,
            "draft": link.draft or part,
            "type": self.type_label(event),
            "date": date,
            "role": role,
            "planned": self.still_planned(event),
            "originals": self.links(self.iris(event, ORG + "originalOrganization"), root),
            "results": self.links(self.iris(event, ORG + "resultingOrganization"), root),
            "sort": (date.iso if date else "9999", event),
        }

    def label(self, iri: str) -> str:
        """The stated label; events and quotes without one are named in words, not by their IRI."""
        stated = super().label(iri)
        if stated != local_name(iri):
            return stated
        types = self.types(iri)
        if types & self.event_classes:
            return self.event_heading(iri)
        if str(KG.Evidence) in types:
            return self.evidence_heading(iri)
        return stated

    def event_heading(self, event: str) -> str:
        """ "Umbenennung: Stabsstelle E-Government → Stabsstelle Digitalisierung, 1. Juni 2018"."""

        def names(predicate: str) -> str:
            return " und ".join(sorted(GraphView.label(self, u) for u in self.iris(event, ORG + predicate)))

        before, after = names("originalOrganization"), names("resultingOrganization")
        body = f"{before} → {after}" if before and after else before or after
        date = self.event_date(event)
        return f"{self.type_label(event)}: {body}" + (f", {date.text}" if date else "")

    def evidence_heading(self, evidence: str) -> str:
        """ "Beleg aus „Stabsstelle wird umbenannt“ (30. Mai 2018)": named by the quote's source."""
        source = self.value(evidence, str(KG.inDocument))
        if not isinstance(source, ox.NamedNode):
            return "Beleg"
        issued = self.when(source.value, DCT + "issued")
        return f"Beleg aus „{GraphView.label(self, source.value)}“" + (f" ({issued.text})" if issued else "")

    def kind(self, iri: str) -> str:
        kind = super().kind(iri)
        return "evidence" if kind == "resource" and str(KG.Evidence) in self.types(iri) else kind

    def _evidence(self, iri: str, root: str) -> dict:
        """A quote: its text, its source (with the original article), and the facts it supports."""
        source = self.value(iri, str(KG.inDocument))
        source_iri = source.value if isinstance(source, ox.NamedNode) else None
        url = self.value(source_iri, str(SCHEMA.url)) if source_iri else None
        exact = self.value(iri, OA + "exact")
        return {
            "quote": exact.value if exact is not None else "",
            "source": self.link(source_iri, root) if source_iri else None,
            "issued": self.when(source_iri, DCT + "issued") if source_iri else None,
            "url": url.value if url is not None else None,
            "supports": self.links(self.subjects(str(KG.evidence), iri), root),
        }

    def still_planned(self, event: str) -> bool:
        """Planned only while every source graph that states the event calls it planned: a later source
        that states it without ``kg:planned`` shows it as done (docs/temporal.md, as lineage does)."""
        node = ox.NamedNode(event)
        stating = {
            q.graph_name
            for q in self.store.quads_for_pattern(node, RDF_TYPE_NODE, None)
            if isinstance(q.graph_name, ox.NamedNode)
            and ox.Quad(q.graph_name, RDF_TYPE_NODE, SOURCE_GRAPH, q.graph_name) in self.store
        }
        planned = {
            q.graph_name
            for q in self.store.quads_for_pattern(node, ox.NamedNode(str(KG.planned)), TRUE)
            if isinstance(q.graph_name, ox.NamedNode)
        }
        return bool(planned) and stating <= planned

    def _true(self, iri: str, predicate: str) -> bool:
        value = self.value(iri, predicate)
        return isinstance(value, ox.Literal) and value.value in ("true", "1")

    def ending(self, unit: str, root: str) -> dict | None:
        """How the unit ended (renamed, merged, ...), with its successors; None while it exists."""
        successors = self.marked_links(unit, str(KG.succeededBy), root)
        until = self.when(unit, str(KG.validUntil))
        ending_events = []
        for event in self.subjects(ORG + "originalOrganization", unit):
            names = {local_name(t) for t in self.types(event)} & set(ENDINGS)
            if names:
                draft = event in self.drafts or self.is_draft(event, ORG + "originalOrganization", unit)
                ending_events.append((draft, event, sorted(names)[0]))
        if not (successors or until or ending_events):
            return None
        ending_events.sort()  # a curated ending before a draft's
        draft, event, kind = ending_events[0] if ending_events else (None, None, None)
        if draft is None:  # no ending event: the end is a draft's if its date and successors are
            draft = (until is None or until.draft) and all(s.draft for s in successors)
        planned = bool(event) and self.still_planned(event)
        date = until or (self.event_date(event) if event else None)
        if draft:  # the notice is marked as a whole, not each of its parts
            date = replace(date, draft=False) if date else None
            successors = [replace(s, draft=False) for s in successors]
        return {
            "draft": draft,
            "verb": ENDINGS.get(kind) if kind else None,
            "event": self.link(event, root) if event else None,
            "date": date,
            "successors": successors,
            "planned": planned,
            "renamed": kind == "Renaming",
        }

    def role(self, membership, root: str) -> dict:
        """What a membership says of the role, seen from either side (person or organisation)."""
        role = self.value(membership, ORG + "role")
        title = self.value(membership, str(KG.roleTitle))
        return {
            "role": self.label(role.value) if role else "",
            "title": title.value if title else "",
            "from": self.when(membership, str(KG.validFrom)),
            "until": self.when(membership, str(KG.validUntil)),
            "link": self.link(membership, root),
            "draft": membership in self.drafts,
        }

    def memberships(self, organization: str, root: str) -> list[dict]:
        out = []
        for membership in self.subjects(ORG + "organization", organization):
            member = self.value(membership, ORG + "member")
            role = self.role(membership, root)
            role["draft"] |= self.is_draft(membership, ORG + "organization", organization)
            out.append({"person": self.link(member.value, root) if member else None, **role})
        return sorted(out, key=lambda m: (m["person"].label if m["person"] else "", m["link"].iri))

    def authority_of(self, iri: str) -> str | None:
        for predicate in (ORG + "unitOf", str(KG.authority), DCT + "spatial"):
            found = self.iris(iri, predicate)
            if found:
                return found[0]
        return None

    def page(self, iri: str) -> str:
        path = f"doc/{self.site.local(iri) or local_name(iri)}.html"
        root = self.root(path)
        kind = self.kind(iri)
        statements = self.draft_statements
        if iri in self.drafts:  # the notice on top covers every statement of a draft's resource
            self.draft_statements = set()
        try:
            context = getattr(self, f"_{kind}")(iri, root)
        finally:
            self.draft_statements = statements
        alternates = [(m, self.href(iri, root, m.extension)) for m in media.DOCUMENT_TYPES[1:]]
        crumbs = [Link(f"{root}index.html", "Start", "")]
        authority = iri if kind == "authority" else self.authority_of(iri)
        if kind == "event":
            units = self.iris(iri, ORG + "originalOrganization") + self.iris(
                iri, ORG + "resultingOrganization"
            )
            authority = next((a for u in units if (a := self.authority_of(u))), None)
        if authority and authority != iri:
            crumbs.append(self.link(authority, root))
        template = self.env.get_template(f"{kind}.html")
        return template.render(
            root=root,
            iri=iri,
            title=self.label(iri),
            type_label=self.type_label(iri),
            kind=kind,
            alternates=alternates,
            crumbs=crumbs,
            site=self.site,
            draft=DRAFT_MARK if iri in self.drafts else None,
            partly_draft=iri not in self.drafts and iri in self.touched_by_drafts,
            draft_mark=DRAFT_MARK,
            **context,
        )

    def _unit(self, iri: str, root: str) -> dict:
        unit_type = self.value(iri, str(KG.unitType))
        events = [self.event_summary(e, root, role, iri) for e, role in self.events_of(iri)]
        types = [
            Text(self.label(t.value), self.is_draft(iri, str(KG.unitType), t))
            for t in self.objects(iri, str(KG.unitType))
            if isinstance(t, ox.NamedNode)
        ]
        return {
            "ending": self.ending(iri, root),
            "unit_type": self.label(unit_type.value) if unit_type else None,
            "unit_types": sorted(types, key=lambda t: t.draft),
            "labels": self.texts(iri, SKOS + "prefLabel"),
            "names": self.texts(iri, SKOS + "altLabel"),
            "authority": self.marked_links(iri, ORG + "unitOf", root),
            "parents": self.marked_links(iri, ORG + "subOrganizationOf", root),
            "children": self.marked_subject_links(ORG + "subOrganizationOf", iri, root),
            "valid_from": self.dates(iri, str(KG.validFrom)),
            "valid_until": self.dates(iri, str(KG.validUntil)),
            "predecessors": self.marked_links(iri, str(KG.precededBy), root),
            "successors": self.marked_links(iri, str(KG.succeededBy), root),
            "events": sorted(events, key=lambda e: e["sort"]),
            "functions": self.marked_links(iri, ORG + "purpose", root),
            "memberships": self.memberships(iri, root),
            "quotes": self.quotes(iri, root),
            "sources": self.sources(iri, root),
        }

    def _event(self, iri: str, root: str) -> dict:
        decided = [self.display(t, root) for t in self.objects(iri, str(KG.decidedBy))]
        return {
            "effective": self.dates(iri, str(KG.effectiveDate)),
            "announced": self.dates(iri, str(KG.announcedDate)),
            "planned": self.still_planned(iri),
            "originals": self.marked_links(iri, ORG + "originalOrganization", root),
            "results": self.marked_links(iri, ORG + "resultingOrganization", root),
            "spun_off_from": self.marked_links(iri, str(KG.spunOffFrom), root),
            "functions": self.marked_links(iri, str(KG.transferredFunction), root),
            "decided": decided,
            "references": [self.display(t, root) for t in self.objects(iri, DCT + "references")],
            "quotes": self.quotes(iri, root),
            "sources": self.sources(iri, root),
        }

    def _authority(self, iri: str, root: str) -> dict:
        units = []
        for unit in self.subjects(ORG + "unitOf", iri):
            if str(KG.AdministrativeUnit) in self.types(unit):
                units.append(
                    {
                        "link": self.link(unit, root),
                        "from": self.dates(unit, str(KG.validFrom)),
                        "until": self.dates(unit, str(KG.validUntil)),
                        "successors": self.marked_links(unit, str(KG.succeededBy), root),
                    }
                )
        units.sort(key=lambda u: (u["link"].label.casefold(), u["link"].iri))
        unit_iris = {u["link"].iri for u in units}
        events = set()
        for unit in unit_iris:
            events |= {e for e, _ in self.events_of(unit)}
        ags = self.value(iri, str(KG.ags))
        return {
            "ags": ags.value if ags else None,
            "units": units,
            "events": sorted((self.event_summary(e, root) for e in events), key=lambda e: e["sort"]),
            "memberships": self.memberships(iri, root),
            "documents": self.links(self.subjects(DCT + "spatial", iri), root),
            "timeline": self.timeline(iri),
            "stacked": self.stacked_timeline(iri, root),
        }

    def _source(self, iri: str, root: str) -> dict:
        facts: dict[str, list[Link]] = {}
        for subject in self.subjects(PROV + "wasDerivedFrom", iri):
            facts.setdefault(self.type_label(subject), []).append(self.link(subject, root))
        quotes = []
        for evidence in self.subjects(str(KG.inDocument), iri):
            exact = self.value(evidence, OA + "exact")
            start, end = self.value(evidence, str(KG.start)), self.value(evidence, str(KG.end))
            if exact is not None:
                quotes.append(
                    Quote(
                        exact.value,
                        None,
                        int(start.value) if start else None,
                        int(end.value) if end else None,
                        self.link(evidence, root),
                    )
                )
        publisher = self.value(iri, DCT + "publisher")
        doc_type = self.value(iri, DCT + "type")
        url = self.value(iri, str(SCHEMA.url))
        graphs = self.subjects(PROV + "wasDerivedFrom", iri)
        graphs = [g for g in graphs if str(KG.SourceGraph) in self.types(g)]
        status = [self.label(s.value) for g in graphs for s in self.objects(g, str(KG.curationStatus))]
        return {
            "issued": self.when(iri, DCT + "issued"),
            "publisher": self.link(publisher.value, root) if isinstance(publisher, ox.NamedNode) else None,
            "doc_type": self.label(doc_type.value) if isinstance(doc_type, ox.NamedNode) else None,
            "identifier": [o.value for o in self.objects(iri, DCT + "identifier")],
            "url": url.value if url else None,
            "sha256": (self.value(iri, str(KG.sha256)) or ox.Literal("")).value,
            "about": self.links(self.iris(iri, DCT + "spatial"), root),
            "graphs": self.links(graphs, root),
            "status": status,
            "facts": dict(
                sorted((k, sorted(v, key=lambda link: link.label.casefold())) for k, v in facts.items())
            ),
            "quotes": sorted(quotes, key=lambda q: (q.start or 0, q.end or 0)),
        }

    def _person(self, iri: str, root: str) -> dict:
        roles = []
        for membership in self.subjects(ORG + "member", iri):
            organization = self.value(membership, ORG + "organization")
            role = self.role(membership, root)
            role["draft"] |= self.is_draft(membership, ORG + "member", iri)
            roles.append(
                {
                    "organization": self.link(organization.value, root) if organization else None,
                    "quotes": self.quotes(membership, root),
                    **role,
                }
            )
        return {
            "roles": sorted(roles, key=lambda r: r["link"].iri),
            "quotes": self.quotes(iri, root),
            "sources": self.sources(iri, root),
        }

    def _resource(self, iri: str, root: str) -> dict:
        rows: dict[str, Row] = {}
        node = ox.NamedNode(iri)
        for quad in self.store.quads_for_pattern(node, None, None, ox.DefaultGraph()):
            predicate = quad.predicate.value
            row = rows.setdefault(predicate, Row(self.property_label(predicate)))
            statement = (node, quad.predicate, quad.object)
            row.values.append(self.marked(self.display(quad.object, root), statement))
        incoming: dict[str, Row] = {}
        for quad in self.store.quads_for_pattern(None, None, node, ox.DefaultGraph()):
            if isinstance(quad.subject, ox.NamedNode):
                predicate = quad.predicate.value
                row = incoming.setdefault(predicate, Row(self.property_label(predicate)))
                link = self.link(quad.subject.value, root)
                row.values.append(self.marked(link, (quad.subject, quad.predicate, node)))
        order = sorted(rows.values(), key=lambda r: r.label.casefold())
        for row in [*order, *incoming.values()]:
            row.values.sort(key=lambda v: str(getattr(v, "label", getattr(v, "text", v))).casefold())
        return {
            "rows": order,
            "incoming": sorted(incoming.values(), key=lambda r: r.label.casefold()),
            "quotes": self.quotes(iri, root) if str(KG.Evidence) not in self.types(iri) else [],
        }

    def marked(self, shown, statement: tuple):
        """A value as ``display`` shows it, marked when only a draft makes the statement."""
        if statement not in self.draft_statements:
            return shown
        return replace(shown, draft=True) if isinstance(shown, (Link, When)) else Text(str(shown), True)

    def authority_rows(self, root: str) -> list[dict]:
        out = []
        for authority in self.subjects(RDF_TYPE, str(KG.LocalAuthority)):
            units = [
                u
                for u in self.subjects(ORG + "unitOf", authority)
                if str(KG.AdministrativeUnit) in self.types(u)
            ]
            events = set()
            for unit in units:
                events |= {e for e, _ in self.events_of(unit)}
            ags = self.value(authority, str(KG.ags))
            out.append(
                {
                    "link": self.link(authority, root),
                    "ags": ags.value if ags else "",
                    "units": self.links(units, root),
                    "events": len(events),
                }
            )
        return sorted(out, key=lambda a: (a["link"].label.casefold(), a["ags"]))

    def index(self) -> str:
        root = ""
        sources = []
        for source in self.subjects(RDF_TYPE, str(KG.SourceDocument)):
            sources.append({"link": self.link(source, root), "issued": self.when(source, DCT + "issued")})
        sources.sort(key=lambda s: (s["issued"].iso if s["issued"] else "", s["link"].iri))
        persons = self.links(self.subjects(RDF_TYPE, FOAF + "Person"), root)
        dumps = [(m, f"{DATA_NAME}.{m.extension}") for m in media.DUMP_TYPES]
        return self.env.get_template("index.html").render(
            root=root,
            title="kommgraph",
            authorities=self.authority_rows(root),
            sources=sources,
            persons=persons,
            dumps=dumps,
            ontology_file=ONTOLOGY_FILE,
            checksum_file=CHECKSUM_FILE,
            sparql_endpoint=self.sparql_endpoint,
            crumbs=[],
            alternates=[],
            site=self.site,
            dcat=str(DCAT),
        )
