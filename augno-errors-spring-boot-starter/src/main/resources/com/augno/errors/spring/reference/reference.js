(function () {
	var input = document.getElementById('search');
	if (!input) { return; }
	var box = document.getElementById('search-box');
	var cards = Array.prototype.slice.call(document.querySelectorAll('article.card'));
	var groups = Array.prototype.slice.call(document.querySelectorAll('section.group'));
	var empty = document.getElementById('no-results');
	var toc = document.querySelector('nav.toc');
	var count = document.getElementById('count');
	var total = cards.length;
	function apply() {
		var terms = input.value.toLowerCase().split(/\s+/).filter(Boolean);
		var shown = 0;
		cards.forEach(function (card) {
			var text = card.getAttribute('data-search') || '';
			var hit = terms.every(function (term) { return text.indexOf(term) !== -1; });
			card.hidden = !hit;
			if (hit) { shown++; }
		});
		groups.forEach(function (group) {
			group.hidden = !group.querySelector('article.card:not([hidden])');
		});
		empty.hidden = shown !== 0;
		toc.hidden = terms.length !== 0;
		count.textContent = terms.length ? shown + ' of ' + total + ' errors' : total + ' errors';
	}
	input.addEventListener('input', apply);
	box.hidden = false;
	apply();
})();
