// The OfferAnswer module.
