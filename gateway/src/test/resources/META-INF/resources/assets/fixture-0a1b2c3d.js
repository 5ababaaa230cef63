// a hashed asset of the web app, for the gateway tests
