"""What every step shares: problems and hints, the vocabularies and schemas, the site's URLs, licences,
the allowed URL schemes and the review clock.

May import: nothing else of praktijkbank. Everything else may import this.
"""
