"""Word lists the toponym recogniser needs: English words that are never places on their own,
the words that turn a place name into an organisation, person titles, qualifiers and cues."""

from __future__ import annotations

# Function words and very common sentence starters: capitalised at a sentence start or in a
# headline they would match GeoNames places ("Of" in Poland, "The" nowhere, "Will", "May"…).
FUNCTION_WORDS = frozenset(
    """a about above across after again against all also although always am among an and
    another any are around as at back be because been before behind being below beside
    besides between beyond both but by can cannot could despite did do does down during each
    either else even ever every few for from further had has have he her here hers him his how
    however i if in inside into is it its just last less like many may me meanwhile might more
    most much must my near neither never next no nor not now of off often on once one only
    onto or other others our out outside over own per perhaps please rather same she should
    since so some still such than that the their them then there these they this those though
    through throughout thus to together too toward towards under unless until up upon us very
    via was we well were what whatever when where whether which while who whom whose why will
    with within without would yet you your according after although amid among asked brief
    click dear despite earlier however image later meanwhile mr mrs ms news overall photo
    read related report said says share sign source support thanks today tomorrow video watch
    yesterday""".split()
)

MONTHS_AND_DAYS = frozenset(
    """january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday
    saturday sunday""".split()
)

# A capitalised one of these right after a place name makes the whole phrase an organisation or
# a thing named after the place ("Syrian Arab Army", "US Central Command", "Kirkuk Oil Company").
ORGANISATION_WORDS = frozenset(
    """academy administration agency airlines airways alliance army association authority
    bank battalion board brigade brigades bureau center centre chamber church club coalition
    college command commission committee company conference congress corporation corps council
    court courier daily department division embassy federation fc force forces foundation front
    gazette government group guard guards herald hospital hotel house institute international
    journal league legion mail media militia ministry mission monitor movement network news
    observatory office organisation organization party police post press radio regiment
    republic review school senate service society star summit team telegraph television times
    tribune tv united university unit""".split()
)

# Titles before a capitalised name mark a person ("President Jordan", "Gen. Austin").
PERSON_TITLES = frozenset(
    """mr mrs ms miss dr prof president gen general lt col colonel maj major capt captain sgt
    sergeant officer minister senator sen rep representative gov governor mayor judge justice
    sheikh shaikh king queen prince princess emir sir lord lady saint st pope imam ayatollah
    commander chief spokesman spokeswoman secretary ambassador deputy director detective
    sheriff coach""".split()
)

# Words after a name saying what kind of area it is: province → prefer the first-level division.
ADMIN1_WORDS = frozenset({"province", "governorate", "state", "region", "oblast", "prefecture"})
ADMIN2_WORDS = frozenset({"county", "parish", "district", "borough", "municipality"})
# "Homs countryside", "the Idlib area": the area around a town (ACLED geo_precision 2).
AROUND_WORDS = frozenset({"countryside", "area", "outskirts", "suburbs", "vicinity", "environs"})
TOWN_WORDS = frozenset({"city", "town", "village"})
QUALIFIER_WORDS = ADMIN1_WORDS | ADMIN2_WORDS | AROUND_WORDS | TOWN_WORDS

# Direction words before a name: "eastern Damascus", "North Hama" (part of a place: precision 2).
DIRECTIONS = frozenset(
    """north south east west northern southern eastern western central northeast northwest
    southeast southwest northeastern northwestern southeastern southwestern upper lower
    greater""".split()
)

# Lower-case words that may sit inside a multi-word place name ("Bosnia and Herzegovina",
# "Stratford upon Avon", "Deir ez Zor", "Rio de Janeiro").
CONNECTORS = frozenset(
    """of de del della di da do dos das du des la le les el al ad ar as ash at az an ez ed es
    et upon on the and y bin ibn bani beni van von der den""".split()
)

# Prepositions before a name that say it is a location ("in Homs", "from Mosul").
LOCATIVE_CUES = frozenset(
    """in at near from to into toward towards outside across around between via through
    inside within throughout entering reach reached captured besieged bombed struck hit
    entered seized shelled attacked stormed liberated retook recaptured raided surrounded
    encircled targeted""".split()
)

# A site named after a town ("Baghdad Airport", "Mosul Dam") is located at that town when the
# overlay does not know the site itself.
SITE_WORDS = frozenset(
    """airport airbase airfield barrage base barracks bridge camp checkpoint crossing dam field
    harbor harbour oilfield port prison refinery square stadium station""".split()
)
# A natural feature sharing a town's name is elsewhere ("Mississippi River", "Sinjar Mountains"
# when the overlay lacks them): drop rather than put it at the town.
NATURAL_WORDS = frozenset(
    """basin bay coast creek desert gulf heights hills island islands lake mountain mountains
    ocean peninsula plain plains range ridge river sea strait valley""".split()
)

# AP-style abbreviations of US states, as US newspapers write them after a town ("Paris, Tenn.").
# Only matched with their final period, so "Miss", "Wash" or "Del" alone stay words.
US_STATE_ABBREVIATIONS = {
    "Ala.": "Alabama",
    "Ariz.": "Arizona",
    "Ark.": "Arkansas",
    "Calif.": "California",
    "Colo.": "Colorado",
    "Conn.": "Connecticut",
    "Del.": "Delaware",
    "Fla.": "Florida",
    "Ga.": "Georgia",
    "Ill.": "Illinois",
    "Ind.": "Indiana",
    "Kan.": "Kansas",
    "Kans.": "Kansas",
    "Ky.": "Kentucky",
    "La.": "Louisiana",
    "Md.": "Maryland",
    "Mass.": "Massachusetts",
    "Mich.": "Michigan",
    "Minn.": "Minnesota",
    "Miss.": "Mississippi",
    "Mo.": "Missouri",
    "Mont.": "Montana",
    "Neb.": "Nebraska",
    "Nebr.": "Nebraska",
    "Nev.": "Nevada",
    "N.H.": "New Hampshire",
    "N.J.": "New Jersey",
    "N.M.": "New Mexico",
    "N.Y.": "New York",
    "N.C.": "North Carolina",
    "N.D.": "North Dakota",
    "Okla.": "Oklahoma",
    "Ore.": "Oregon",
    "Pa.": "Pennsylvania",
    "R.I.": "Rhode Island",
    "S.C.": "South Carolina",
    "S.D.": "South Dakota",
    "Tenn.": "Tennessee",
    "Tex.": "Texas",
    "Vt.": "Vermont",
    "Va.": "Virginia",
    "Wash.": "Washington",
    "W.Va.": "West Virginia",
    "W. Va.": "West Virginia",
    "Wis.": "Wisconsin",
    "Wisc.": "Wisconsin",
    "Wyo.": "Wyoming",
    "D.C.": "District of Columbia",
}

# Group adjectives and nouns that are also names of small places ("Arab", Alabama; "Kurd"):
# in running text they describe people, never a location.
GROUP_WORDS = frozenset(
    """arab arabs kurd kurds kurdish sunni sunnis shia shiite shiites alawite alawites druze
    yazidi yazidis turkmen assyrian christian christians muslim muslims jewish islamic
    western westerners european african asian persian baloch pashtun tamil sikh hindu
    catholic protestant orthodox""".split()
)
