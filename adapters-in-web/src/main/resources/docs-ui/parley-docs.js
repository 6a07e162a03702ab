// Starts Swagger UI on the page's #swagger-ui element with the OpenAPI document it names.
// Kept in a file so the docs page needs no inline script (CSP script-src 'self').
(function () {
    var root = document.getElementById('swagger-ui');
    window.ui = SwaggerUIBundle({
        url: root.getAttribute('data-spec'),
        dom_id: '#swagger-ui',
        presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
        plugins: [SwaggerUIBundle.plugins.DownloadUrl],
        deepLinking: true,
        layout: 'StandaloneLayout',
        tagsSorter: 'alpha',
        validatorUrl: null
    });
})();
