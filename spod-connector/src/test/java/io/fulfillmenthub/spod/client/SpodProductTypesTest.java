package io.fulfillmenthub.spod.client;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** GET /product-types is documented only as a list: units are read wherever a unit field names them. */
class SpodProductTypesTest {

    @Test
    void unitsAreReadWhereverAUnitFieldNamesThem() {
        assertThat(SpodProductTypes.read("""
                [{"id": "812", "name": "Men's T-Shirt", "stock-keeping-units": ["812-4-2", "812-4-3"],
                  "variants": [{"sku": "812-2-2", "size": "L"}, {"stock-keeping-unit": "812-2-3"}]},
                 {"id": "1109", "skus": []}]
                """)).containsExactly("812-2-2", "812-2-3", "812-4-2", "812-4-3");
    }

    @Test
    void anAnswerWithoutUnitFieldsNamesNone() {
        assertThat(SpodProductTypes.read("[{\"id\": \"812\", \"name\": \"Men's T-Shirt\"}]")).isEmpty();
    }
}
