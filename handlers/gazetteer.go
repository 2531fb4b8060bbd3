package handlers

import "agendascope/analytics/places"

// GazetteerName names a place code with the bundled gazetteer: 6 digits for
// a county-level unit, 4 for a city, 2 for a province. It is the PlaceName
// that New uses when Deps leaves it nil.
func GazetteerName(code string) (string, bool) {
	switch len(code) {
	case 6:
		p, ok := places.ByCode(code)
		return p.Name, ok
	case 4:
		return places.City(code)
	case 2:
		return places.Province(code)
	}
	return "", false
}
