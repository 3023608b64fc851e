package org.patchwork.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.patchwork.AdminApi;
import org.patchwork.PatchworkIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A Merseyside Police analyst defines an indicator on the indicators page (burglary per 1,000 residents by
 * district) and sees its values by district with their 95% intervals and comparisons, with no console errors.
 */
@PatchworkIntegrationTest
class IndicatorsBrowserIT extends BrowserJourney {

    @Autowired
    JdbcClient jdbc;

    @Test
    void definesAnIndicatorAndListsItsValues() {
        AdminApi admin = new AdminApi(port);
        AdminApi.User analyst = admin.user(admin.partnerId("Merseyside Police"), "analyst");
        long crime = jdbc.sql("select id from dataset where slug = 'merseyside-street-crime-2022'").query(Long.class).single();
        List<String> districts = jdbc.sql("select distinct h.lad_name from lsoa_hierarchy h join area a on a.level = 'lsoa' "
                + "and a.code = h.lsoa_code order by 1").query(String.class).list();

        pages.signIn(analyst.username(), analyst.password());
        pages.open("/indicators.html");
        pages.awaitState("ready");
        pages.type(By.id("name"), "Burglary per 1,000 by district");
        pages.choose("datasetId", String.valueOf(crime));
        pages.choose("measure", "rate-per-1000");
        pages.type(By.id("categories"), "Burglary");
        pages.choose("level", "district");
        driver.findElement(By.cssSelector("#define button[type='submit']")).click();

        WebElement table = pages.await("#values table", t -> t.findElements(By.cssSelector("tbody tr")).size() == districts.size());
        String text = table.getText();
        for (String district : districts) {
            assertThat(text).contains(district);
        }
        assertThat(table.findElements(By.cssSelector("tbody tr td:nth-child(4)"))).allMatch(td -> td.getText().matches(".+ \\(.+ to .+\\)"));
        assertThat(pages.text("#values")).contains("Partnership:");
        assertThat(pages.text("#list")).contains("Burglary per 1,000 by district");
        pages.screenshot("indicators.png");
        pages.assertNoConsoleErrors();
    }
}
