# expect: an absorption into itself
PREFIX kg: <https://w3id.org/kommgraph/ontology#>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX dct: <http://purl.org/dc/terms/>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX foaf: <http://xmlns.com/foaf/0.1/>
PREFIX oa: <http://www.w3.org/ns/oa#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
PREFIX u: <https://w3id.org/kommgraph/id/unit/09999000/>
PREFIX e: <https://w3id.org/kommgraph/id/event/09999000/>
PREFIX x: <https://w3id.org/kommgraph/id/test/>
DELETE DATA { e:absorption org:resultingOrganization u:hauptamt } ; INSERT DATA { e:absorption org:resultingOrganization u:sachgebiet-statistik }
