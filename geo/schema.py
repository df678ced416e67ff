"""The incidents GeoDataFrame: the one schema passed between stages (EPSG:4326).

One row per incident (an event placed at a place). Produced by ``geo.extraction`` from reports and by
``geo.formats`` from incident tables (ACLED, UCDP, plain CSV); consumed by ``geo.classify``,
the renderers and the table writers. Columns (``None``/NaN where unknown):

=============== ======= ==================================================================
column          type    meaning
=============== ======= ==================================================================
incident_id     str     stable id (``<report id>#<n>`` for extracted incidents)
report_id       str     the report it came from (extracted incidents)
date            str     ISO date of the event (``YYYY-MM-DD``)
date_precision  int     1 day, 2 week, 3 month (ACLED ``time_precision``)
place           str     canonical place name (common English form)
name_hy         str     the place's Armenian name (Latin script)
name_az         str     the place's Azerbaijani name
alt_names       str     other names, ``|``-joined
place_kind      str     settlement / district / region / country / feature
precision       int     1 named settlement, 2 near a settlement or small area, 3 larger region
                        (then ``geometry`` is the region's polygon, not a point)
lat, lon        float   WGS84 degrees of the point (a representative point for regions)
event_type      str     ACLED event type (``Battles``, ``Explosions/Remote violence``, ...)
sub_event_type  str     ACLED sub-event type where it fits
fatalities      Int64   number killed where stated (conservative), else <NA>
injured         Int64   number injured where stated, else <NA>
reported_by     str     the side or body the claim is attributed to, where stated
hypothetical    bool    a conditional or threatened event, not one that happened
sentence        str     the sentence it came from (raw report text: escape before display)
counts_sentence str     the sentences its counts came from when its own states none (extracted)
source          str     the report's source
geocoder        str     which geocoder resolved the place (``gazetteer``, ``nominatim``, ...)
geometry        geom    Point, or (Multi)Polygon for precision 3
+ the classified columns of ``geo.jurisdiction`` (zone, zone_kind, country, spillover, admin1,
  admin1_local, admin1_hy, boundary_km, control, problem)
=============== ======= ==================================================================
"""

from __future__ import annotations

INCIDENT_COLUMNS: tuple[str, ...] = (
    "incident_id",
    "report_id",
    "date",
    "date_precision",
    "place",
    "name_hy",
    "name_az",
    "alt_names",
    "place_kind",
    "precision",
    "lat",
    "lon",
    "event_type",
    "sub_event_type",
    "fatalities",
    "injured",
    "reported_by",
    "hypothetical",
    "sentence",
    "counts_sentence",
    "source",
    "geocoder",
)
